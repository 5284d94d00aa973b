using System.Globalization;

namespace CrmKit.Plugins.OneC.Model;

/// <summary>
/// The VAT rates a product or a deal line carries, as the enum values stored: <c>20</c>, <c>18</c> (until 2019, for documents of that time), <c>10</c>, <c>7</c>, <c>5</c>,
/// <c>0</c> and <c>none</c> ("Без НДС"). CommerceML writes the number (or "Без налога") into <c>Ставка</c>.
/// </summary>
internal static class VatRates
{
    public const string None = "none";

    public static readonly string[] All = ["20", "18", "10", "7", "5", "0", None];

    /// <summary>The rate in percent; null for "none".</summary>
    public static decimal? Percent(string? rate) =>
        rate is null or None ? null : decimal.Parse(rate, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>The stored value for a rate read from a CommerceML file ("20", "20%", "НДС20", "Без налога"...); null when unknown.</summary>
    public static string? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Contains("без", StringComparison.OrdinalIgnoreCase))
        {
            return None;
        }

        var digits = new string(trimmed.Where(c => char.IsDigit(c) || c is '.' or ',').ToArray()).Replace(',', '.');
        if (!decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var rounded = decimal.Truncate(value).ToString(CultureInfo.InvariantCulture);
        return value == decimal.Truncate(value) && All.Contains(rounded) ? rounded : null;
    }
}
