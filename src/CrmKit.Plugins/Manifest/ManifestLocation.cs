namespace CrmKit.Plugins.Manifest;

/// <summary>A place in a manifest document, kept both as a JSONPath (for people) and a JSON pointer (for problem details).</summary>
internal readonly record struct ManifestLocation(string JsonPath, string JsonPointer)
{
    public static ManifestLocation Root { get; } = new("$", string.Empty);

    public ManifestLocation Member(string name) =>
        new(JsonPath + (IsPlainName(name) ? "." + name : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']"),
            JsonPointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));

    public ManifestLocation Index(int index) =>
        new(JsonPath + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]",
            JsonPointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
