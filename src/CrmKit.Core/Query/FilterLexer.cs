using System.Text;
using System.Text.RegularExpressions;

namespace CrmKit.Core.Query;

/// <summary>Splits a filter into tokens. Positions in messages are 1-based character offsets.</summary>
internal static partial class FilterLexer
{
    /// <summary>Tokenizes the whole filter; the last token is always <see cref="FilterTokenKind.End"/>.</summary>
    /// <param name="text">The filter text (its length already checked).</param>
    /// <returns>The tokens.</returns>
    public static List<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && IsSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                tokens.Add(new FilterToken(FilterTokenKind.End, string.Empty, i + 1));
                return tokens;
            }

            var c = text[i];
            switch (c)
            {
                case '(':
                    tokens.Add(new FilterToken(FilterTokenKind.OpenParen, "(", i + 1));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new FilterToken(FilterTokenKind.CloseParen, ")", i + 1));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new FilterToken(FilterTokenKind.Comma, ",", i + 1));
                    i++;
                    continue;
                case '\'':
                    tokens.Add(ReadString(text, ref i));
                    continue;
            }

            // Order matters: a UUID can start like a number or a name, a date like a number.
            var token =
                TryRead(text, ref i, GuidPattern(), FilterTokenKind.Guid) ??
                TryRead(text, ref i, DatePattern(), FilterTokenKind.Date) ??
                TryRead(text, ref i, NumberPattern(), FilterTokenKind.Number) ??
                TryRead(text, ref i, IdentifierPattern(), FilterTokenKind.Identifier) ??
                throw QueryErrors.Filter(
                    QueryErrors.InvalidFilter, "filter.unexpected_character", QueryText.Quote(Character(text, i)), i + 1);
            tokens.Add(token);
        }
    }

    private static FilterToken? TryRead(string text, ref int i, Regex pattern, FilterTokenKind kind)
    {
        var match = pattern.Match(text, i);
        if (!match.Success)
        {
            return null;
        }

        var end = i + match.Length;
        if (end < text.Length && !IsBoundary(text[end]))
        {
            // "name;", "12abc", "1e3", "2026-01-01T10:00" (no offset): report the whole run, not a piece of it.
            while (end < text.Length && !IsBoundary(text[end]))
            {
                end++;
            }

            var key = kind == FilterTokenKind.Date && text[i + match.Length] is 'T' or 't'
                ? "filter.datetime_without_offset"
                : "filter.invalid_token";
            throw QueryErrors.Filter(QueryErrors.InvalidFilter, key, QueryText.Quote(text[i..end]), i + 1);
        }

        var kindOfToken = kind == FilterTokenKind.Date && match.Length > 10 ? FilterTokenKind.DateTime : kind;
        var token = new FilterToken(kindOfToken, match.Value, i + 1);
        i = end;
        return token;
    }

    private static FilterToken ReadString(string text, ref int i)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return new FilterToken(FilterTokenKind.String, value.ToString(), start + 1);
            }

            value.Append(text[i]);
            i++;
        }

        throw QueryErrors.Filter(QueryErrors.InvalidFilter, "filter.unterminated_string", start + 1);
    }

    private static string Character(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? text.Substring(i, 2) : text[i].ToString();

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsBoundary(char c) => IsSpace(c) || c is '(' or ')' or ',' or '\'';

    [GeneratedRegex(@"\G[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex GuidPattern();

    [GeneratedRegex(
        @"\G[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2}))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\G-?[0-9]+(?:\.[0-9]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\G[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
