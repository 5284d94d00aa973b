using System.Globalization;

namespace CrmKit.Core.Templates.Helpers;

/// <summary>
/// <c>money</c>: an amount in a currency. Russian: the number in the culture's format, a no-break space and the symbol
/// (<c>1 234,50 ₽</c>, <c>99,00 $</c>; the code when there is no common symbol). Any other language: the ISO code, a
/// space and the number (<c>RUB 1,234.50</c>), which is unambiguous for every currency. Amounts are rounded half away
/// from zero to the currency's minor unit (two places; none for JPY and the like, three for KWD and the like).
/// </summary>
internal static class MoneyFormat
{
    private const char NoBreakSpace = '\u00A0';

    private static readonly Dictionary<string, string> RussianSymbols = new(StringComparer.Ordinal)
    {
        ["RUB"] = "₽", ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["CNY"] = "¥", ["KZT"] = "₸", ["UAH"] = "₴",
    };

    private static readonly HashSet<string> NoMinorUnit = new(StringComparer.Ordinal) { "JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF" };
    private static readonly HashSet<string> ThreeDecimals = new(StringComparer.Ordinal) { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

    /// <summary>Formats an amount.</summary>
    /// <param name="value">A number, a numeric string or a money object (whose currency is used when none is given).</param>
    /// <param name="currency">The ISO 4217 code; null takes the money object's, then RUB.</param>
    /// <param name="culture">The culture.</param>
    /// <returns>The text, or an empty string when the value is not an amount.</returns>
    public static string Format(object? value, string? currency, CultureInfo culture)
    {
        if (HelperValues.ToDecimal(value) is not { } amount)
        {
            return string.Empty;
        }

        var code = (currency ?? HelperValues.CurrencyOf(value) ?? "RUB").ToUpperInvariant();
        var places = MinorUnits(code);
        var number = Math.Round(amount, places, MidpointRounding.AwayFromZero)
            .ToString("N" + places.ToString(CultureInfo.InvariantCulture), culture);
        if (HelperValues.IsRussian(culture))
        {
            return number + NoBreakSpace + RussianSymbols.GetValueOrDefault(code, code);
        }

        return number.StartsWith('-') ? "-" + code + " " + number[1..] : code + " " + number;
    }

    /// <summary>The number of decimal places of a currency's minor unit.</summary>
    public static int MinorUnits(string currency) =>
        NoMinorUnit.Contains(currency) ? 0 : ThreeDecimals.Contains(currency) ? 3 : 2;
}
