using System.Text.RegularExpressions;

namespace CrmKit.Core.Metadata;

/// <summary>The naming rule for entities and fields: lower snake case, a letter first, at most 63 characters.</summary>
internal static partial class EntityNames
{
    public static bool IsValid(string? name) => name is not null && NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
