namespace CrmKit.JsonSchema.Internal;

/// <summary>Builds RFC 6901 JSON pointers.</summary>
internal static class JsonPointer
{
    /// <summary>Returns <c>/</c> followed by the token with <c>~</c> and <c>/</c> escaped as <c>~0</c> and <c>~1</c>.</summary>
    public static string Segment(string token)
    {
        if (token.AsSpan().IndexOfAny('~', '/') < 0)
        {
            return "/" + token;
        }

        return "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    /// <summary>Appends one escaped token to a pointer.</summary>
    public static string Append(string pointer, string token) => pointer + Segment(token);

    /// <summary>Appends an array index to a pointer.</summary>
    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
