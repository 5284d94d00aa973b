using System.Globalization;
using System.Text.RegularExpressions;
using CrmKit.Core.Storage;

namespace CrmKit.Core.Query;

/// <summary>
/// Strict parsing of literal texts into the typed values of <see cref="ComparisonFilter.Value"/>. Numbers are parsed
/// as <see cref="decimal"/> or <see cref="long"/> only, never through binary floating point.
/// </summary>
internal static partial class QueryLiterals
{
    /// <summary>Parses a whole number that fits in <see cref="long"/> (<c>-?[0-9]+</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <returns>True when the text is such a number.</returns>
    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        return IntegerPattern().IsMatch(text) &&
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Parses a number (<c>-?[0-9]+(\.[0-9]+)?</c>) into a decimal, refusing numbers a decimal cannot hold exactly
    /// (too large, or more digits than it keeps) rather than rounding them.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <returns>True when the text is such a number and fits exactly.</returns>
    public static bool TryParseDecimal(string text, out decimal value)
    {
        value = 0;
        if (!NumberPattern().IsMatch(text) ||
            !decimal.TryParse(
                text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        // decimal.TryParse rounds digits beyond its precision; comparing the normalized forms detects that.
        return string.Equals(
            NormalizeNumber(text), NormalizeNumber(value.ToString(CultureInfo.InvariantCulture)), StringComparison.Ordinal);
    }

    /// <summary>Parses a calendar date in the exact form <c>yyyy-MM-dd</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The date as <c>yyyy-MM-dd</c>.</param>
    /// <returns>True when the text is a real date in that form.</returns>
    public static bool TryParseDate(string text, out string value)
    {
        value = string.Empty;
        if (!DatePattern().IsMatch(text) ||
            !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// Parses an instant: an ISO 8601 date-time with <c>Z</c> or an offset (<c>2026-01-01T10:00:00+03:00</c>), or a
    /// date alone meaning midnight UTC.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The instant in the canonical UTC form (<see cref="CanonicalInstant"/>).</param>
    /// <returns>True when the text is such an instant.</returns>
    public static bool TryParseInstant(string text, out string value)
    {
        if (TryParseDate(text, out var date))
        {
            value = date + "T00:00:00.0000000Z";
            return true;
        }

        value = string.Empty;
        if (!DateTimePattern().IsMatch(text) ||
            !DateTimeOffset.TryParse(
                text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return false;
        }

        value = CanonicalInstant.ToText(instant);
        return true;
    }

    /// <summary>Tells whether the text is exactly an instant in the canonical UTC form.</summary>
    /// <param name="text">The text.</param>
    /// <returns>True when it is.</returns>
    public static bool IsCanonicalInstant(string text) =>
        text.Length == 28 && TryParseInstant(text, out var canonical) &&
        string.Equals(canonical, text, StringComparison.Ordinal);

    /// <summary>Parses a record id in the "D" form (<c>8-4-4-4-12</c> hex digits, either case).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The id in lower case "D" form.</param>
    /// <returns>True when the text is such an id.</returns>
    public static bool TryParseReference(string text, out string value)
    {
        value = string.Empty;
        if (text.Length != 36 || !Guid.TryParseExact(text, "D", out var id))
        {
            return false;
        }

        value = id.ToString("D");
        return true;
    }

    private static string NormalizeNumber(string text)
    {
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        var point = digits.IndexOf('.', StringComparison.Ordinal);
        var whole = (point < 0 ? digits : digits[..point]).TrimStart('0');
        var fraction = point < 0 ? string.Empty : digits[(point + 1)..].TrimEnd('0');
        if (whole.Length == 0 && fraction.Length == 0)
        {
            return "0";
        }

        return (negative ? "-" : string.Empty) + (whole.Length == 0 ? "0" : whole) +
            (fraction.Length == 0 ? string.Empty : "." + fraction);
    }

    [GeneratedRegex(@"^-?[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^-?[0-9]+(?:\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(
        @"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
