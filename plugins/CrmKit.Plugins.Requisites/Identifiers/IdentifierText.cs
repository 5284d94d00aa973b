namespace CrmKit.Plugins.Requisites.Identifiers;

/// <summary>Brings typed identifiers to the form the checks read.</summary>
internal static class IdentifierText
{
    /// <summary>
    /// Removes white space (spaces, no-break spaces, tabs) that people type or paste between digit groups
    /// ("7707 083 893"). Anything else stays, so look-alike letters are still refused by the checks.
    /// </summary>
    /// <param name="value">The typed value.</param>
    /// <returns>The value without white space; the same instance when it had none.</returns>
    public static string Compact(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var span = value.AsSpan();
        var white = 0;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                white++;
            }
        }

        if (white == 0)
        {
            return value;
        }

        return string.Create(value.Length - white, value, static (target, source) =>
        {
            var j = 0;
            foreach (var c in source)
            {
                if (!char.IsWhiteSpace(c))
                {
                    target[j++] = c;
                }
            }
        });
    }
}
