namespace CrmKit.Core.Query;

/// <summary>A token of a filter.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Value">The text (for strings, the unescaped value).</param>
/// <param name="Position">The 1-based position of the token's first character in the filter.</param>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Value, int Position)
{
    /// <summary>Tells whether the token is the keyword <paramref name="keyword"/> (keywords ignore case).</summary>
    /// <param name="keyword">The keyword in lower case.</param>
    /// <returns>True when it is.</returns>
    public bool Is(string keyword) =>
        Kind == FilterTokenKind.Identifier && string.Equals(Value, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>The token as written, for messages (strings re-quoted; the end of the text localized).</summary>
    /// <returns>A format argument.</returns>
    public object Describe() => Kind switch
    {
        FilterTokenKind.End => QueryText.Argument("token.end"),
        FilterTokenKind.String => QueryText.Quote("'" + Value.Replace("'", "''", StringComparison.Ordinal) + "'"),
        _ => QueryText.Quote(Value),
    };
}
