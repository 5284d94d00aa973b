using System.Globalization;
using Scriban.Runtime;

namespace CrmKit.Core.Templates.Helpers;

/// <summary>Reads the loosely typed values templates pass to helpers.</summary>
internal static class HelperValues
{
    /// <summary>A number from a number, a numeric string or a money object (<c>{"amount": ..., "currency": ...}</c>).</summary>
    public static decimal? ToDecimal(object? value) => value switch
    {
        null => null,
        decimal d => d,
        int i => i,
        long l => l,
        double d => double.IsFinite(d) ? (decimal)d : null,
        float f => float.IsFinite(f) ? (decimal)f : null,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        ScriptObject money when money.TryGetValue("amount", out var amount) => ToDecimal(amount),
        _ => null,
    };

    /// <summary>The currency of a money object, if the value is one.</summary>
    public static string? CurrencyOf(object? value) =>
        value is ScriptObject money && money.TryGetValue("currency", out var currency) ? currency as string : null;

    /// <summary>A date and time from a <see cref="DateTime"/>, a <see cref="DateTimeOffset"/> or an ISO 8601 string.</summary>
    public static DateTimeOffset? ToDateTime(object? value) => value switch
    {
        DateTimeOffset o => o,
        DateTime d => d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d, TimeSpan.Zero) : new DateTimeOffset(d),
        string s when DateTimeOffset.TryParse(
            s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The culture of a template context (<c>ru-RU</c> unless the model says otherwise).</summary>
    public static CultureInfo Culture(Scriban.TemplateContext context) => context.CurrentCulture;

    /// <summary>Whether the culture's language is Russian.</summary>
    public static bool IsRussian(CultureInfo culture) =>
        string.Equals(culture.TwoLetterISOLanguageName, "ru", StringComparison.Ordinal);
}
