using System.Globalization;

namespace CrmKit.Core.Templates.Helpers;

/// <summary>
/// <c>amount_in_words</c>: an amount in Russian words for documents, the whole units in words and the minor units in
/// two digits: <c>1234.50</c> RUB → <c>Одна тысяча двести тридцать четыре рубля 50 копеек</c>. Supports RUB, USD and
/// EUR; the amount is rounded half away from zero to kopecks (cents).
/// </summary>
internal static class RussianAmountInWords
{
    private static readonly Dictionary<string, Currency> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RUB"] = new(new("рубль", "рубля", "рублей", false), new("копейка", "копейки", "копеек", true)),
        ["USD"] = new(new("доллар США", "доллара США", "долларов США", false), new("цент", "цента", "центов", false)),
        ["EUR"] = new(new("евро", "евро", "евро", false), new("евроцент", "евроцента", "евроцентов", false)),
    };

    /// <summary>The currencies supported.</summary>
    public static IReadOnlyCollection<string> SupportedCurrencies => Currencies.Keys;

    /// <summary>Spells an amount.</summary>
    /// <param name="value">A number, a numeric string or a money object (whose currency is used when none is given).</param>
    /// <param name="currency">RUB (the default), USD or EUR.</param>
    /// <returns>The text; an empty string when the value is not an amount.</returns>
    /// <exception cref="ArgumentException">The currency is not supported or the amount is too large.</exception>
    public static string Spell(object? value, string? currency)
    {
        if (HelperValues.ToDecimal(value) is not { } amount)
        {
            return string.Empty;
        }

        var code = currency ?? HelperValues.CurrencyOf(value) ?? "RUB";
        if (!Currencies.TryGetValue(code, out var names))
        {
            throw new ArgumentException($"amount_in_words supports {string.Join(", ", Currencies.Keys)}, not '{code}'.", nameof(currency));
        }

        var rounded = Math.Round(Math.Abs(amount), 2, MidpointRounding.AwayFromZero);
        if (rounded > RussianNumberWords.MaxValue)
        {
            throw new ArgumentException($"amount_in_words spells amounts up to {RussianNumberWords.MaxValue}.", nameof(value));
        }

        var whole = (long)decimal.Truncate(rounded);
        var minor = (int)((rounded - whole) * 100m);
        var words = RussianNumberWords.Spell(whole, names.Major.Feminine);
        var text = string.Join(' ',
            amount < 0 && rounded != 0 ? "минус" : null,
            words,
            names.Major.For(whole),
            minor.ToString("00", CultureInfo.InvariantCulture),
            names.Minor.For(minor)).TrimStart();
        return RussianNumberWords.Capitalize(text);
    }

    private sealed record Noun(string One, string Few, string Many, bool Feminine)
    {
        public string For(long number) => PluralForms.Russian(number) switch
        {
            PluralForms.RussianForm.One => One,
            PluralForms.RussianForm.Few => Few,
            _ => Many,
        };
    }

    private sealed record Currency(Noun Major, Noun Minor);
}
