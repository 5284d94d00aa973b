namespace CrmKit.Core.Query;

/// <summary>The kinds of tokens of the filter language.</summary>
internal enum FilterTokenKind
{
    /// <summary>The end of the text.</summary>
    End = 0,

    /// <summary>A name: a field, a keyword (<c>and</c>, <c>eq</c>...), <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    Identifier = 1,

    /// <summary>A single-quoted string; the token's value is unescaped.</summary>
    String = 2,

    /// <summary>A number: <c>-12</c>, <c>3.14</c>.</summary>
    Number = 3,

    /// <summary>An unquoted date: <c>2026-01-01</c>.</summary>
    Date = 4,

    /// <summary>An unquoted date-time with an offset: <c>2026-01-01T10:00:00Z</c>.</summary>
    DateTime = 5,

    /// <summary>An unquoted UUID: <c>0190c2a4-7b7e-7c3a-9f1e-2b3c4d5e6f70</c>.</summary>
    Guid = 6,

    /// <summary><c>(</c>.</summary>
    OpenParen = 7,

    /// <summary><c>)</c>.</summary>
    CloseParen = 8,

    /// <summary><c>,</c>.</summary>
    Comma = 9,
}
