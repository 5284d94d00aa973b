using Scriban;

namespace CrmKit.Core.Templates.Helpers;

/// <summary>
/// The helper functions every template sees next to Scriban's built-ins (imported with snake-case names:
/// <c>money</c>, <c>number</c>, <c>date_format</c>, <c>plural</c>, <c>amount_in_words</c>, <c>number_in_words</c>).
/// Each formats in the culture of the render (<see cref="TemplateModel.Culture"/>).
/// </summary>
internal static class TemplateFunctions
{
    /// <summary><c>{{ amount | money "RUB" }}</c>.</summary>
    public static string Money(TemplateContext context, object? value, string? currency = null) =>
        MoneyFormat.Format(value, currency, HelperValues.Culture(context));

    /// <summary><c>{{ 1234.5 | number 2 }}</c>.</summary>
    public static string Number(TemplateContext context, object? value, int? decimals = null) =>
        NumberFormat.Format(value, decimals, HelperValues.Culture(context));

    /// <summary><c>{{ record.due | date_format "long" "Europe/Moscow" }}</c>.</summary>
    public static string DateFormat(TemplateContext context, object? value, string? format = null, string? timeZone = null)
    {
        TimeZoneInfo? zone = null;
        if (!string.IsNullOrEmpty(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out zone))
        {
            throw new ArgumentException($"Unknown time zone '{timeZone}'.", nameof(timeZone));
        }

        return Helpers.DateFormat.Format(value, format, zone, HelperValues.Culture(context));
    }

    /// <summary><c>{{ n | plural "день" "дня" "дней" }}</c> or <c>{{ n | plural "day" "days" }}</c>.</summary>
    public static string Plural(TemplateContext context, object? value, string one, string few, string? many = null) =>
        PluralForms.Choose(value, one, few, many, HelperValues.Culture(context));

    /// <summary><c>{{ 1234.50 | amount_in_words "RUB" }}</c>.</summary>
    public static string AmountInWords(object? value, string? currency = null) => RussianAmountInWords.Spell(value, currency);

    /// <summary><c>{{ 21 | number_in_words }}</c> (Russian, masculine; <c>"f"</c> for feminine).</summary>
    public static string NumberInWords(object? value, string? gender = null)
    {
        if (HelperValues.ToDecimal(value) is not { } number)
        {
            return string.Empty;
        }

        var whole = (long)decimal.Truncate(Math.Abs(number));
        var words = RussianNumberWords.Spell(Math.Min(whole, RussianNumberWords.MaxValue), string.Equals(gender, "f", StringComparison.Ordinal));
        return number < 0 ? "минус " + words : words;
    }
}
