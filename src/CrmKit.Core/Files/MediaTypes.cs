namespace CrmKit.Core.Files;

/// <summary>Media type checks for attachments (RFC 9110 <c>type/subtype</c> with optional parameters).</summary>
internal static class MediaTypes
{
    /// <summary>The lower-case <c>type/subtype</c> of a media type, without parameters; null when it is not one.</summary>
    public static string? Essence(string value)
    {
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var essence = (semicolon < 0 ? value : value[..semicolon]).Trim().ToLowerInvariant();
        var slash = essence.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == essence.Length - 1 || essence.IndexOf('/', slash + 1) >= 0 || value.Any(char.IsControl))
        {
            return null;
        }

        return essence.All(c => char.IsAsciiLetterOrDigit(c) || "/!#$&^_.+-".Contains(c, StringComparison.Ordinal)) ? essence : null;
    }

    /// <summary>Whether a media type matches an allowed pattern: exact, <c>type/*</c> or <c>*/*</c>.</summary>
    public static bool Matches(string pattern, string essence)
    {
        var allowed = pattern.Trim().ToLowerInvariant();
        if (allowed is "*/*" or "*")
        {
            return true;
        }

        return allowed.EndsWith("/*", StringComparison.Ordinal)
            ? essence.StartsWith(allowed[..^1], StringComparison.Ordinal)
            : string.Equals(allowed, essence, StringComparison.Ordinal);
    }
}
