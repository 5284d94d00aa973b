using System.Globalization;

namespace CrmKit.Core.Templates.Helpers;

/// <summary><c>number</c>: a number with group separators in the template's culture (<c>1 234,5</c> / <c>1,234.5</c>).</summary>
internal static class NumberFormat
{
    /// <summary>Formats a number; with <paramref name="decimals"/> it is rounded (half away from zero) to that many places.</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">Decimal places, or null to keep the significant ones.</param>
    /// <param name="culture">The culture.</param>
    /// <returns>The text, or an empty string when the value is not a number.</returns>
    public static string Format(object? value, int? decimals, CultureInfo culture)
    {
        if (HelperValues.ToDecimal(value) is not { } number)
        {
            return string.Empty;
        }

        if (decimals is { } places)
        {
            places = Math.Clamp(places, 0, 10);
            return Math.Round(number, places, MidpointRounding.AwayFromZero).ToString("N" + places.ToString(CultureInfo.InvariantCulture), culture);
        }

        // Keep the significant decimals only: 1234.50 -> "1 234,5", 1234 -> "1 234".
        var normalized = number / 1.0000000000000000000000000000m;
        var scale = normalized.Scale;
        return normalized.ToString("N" + scale.ToString(CultureInfo.InvariantCulture), culture);
    }
}
