using System.Globalization;

namespace CrmKit.Core.Templates.Helpers;

/// <summary>
/// <c>plural</c>: the word form for a count. Russian takes three forms, one / few / many (<c>1 день</c>,
/// <c>2 дня</c>, <c>5 дней</c>; 11–14 take many; a fraction takes few). Other languages take one / other: the
/// first form for exactly 1, otherwise the last given form.
/// </summary>
internal static class PluralForms
{
    /// <summary>Chooses the form.</summary>
    /// <param name="value">The count.</param>
    /// <param name="one">The form for one (день, day).</param>
    /// <param name="few">The form for few (дня) or, in English, other (days).</param>
    /// <param name="many">The form for many (дней); in English ignored when given.</param>
    /// <param name="culture">The culture.</param>
    /// <returns>The form.</returns>
    public static string Choose(object? value, string one, string few, string? many, CultureInfo culture)
    {
        var number = HelperValues.ToDecimal(value) ?? 0m;
        if (!HelperValues.IsRussian(culture))
        {
            return number == 1m ? one : many ?? few;
        }

        return Russian(number) switch
        {
            RussianForm.One => one,
            RussianForm.Few => few,
            _ => many ?? few,
        };
    }

    /// <summary>The Russian plural category of a number (CLDR rules).</summary>
    public static RussianForm Russian(decimal number)
    {
        number = Math.Abs(number);
        if (number != decimal.Truncate(number))
        {
            return RussianForm.Few;
        }

        var n = (long)(number % 100m);
        var lastTwo = n % 100;
        var last = n % 10;
        if (lastTwo is >= 11 and <= 14)
        {
            return RussianForm.Many;
        }

        return last switch
        {
            1 => RussianForm.One,
            >= 2 and <= 4 => RussianForm.Few,
            _ => RussianForm.Many,
        };
    }

    /// <summary>The Russian plural categories.</summary>
    internal enum RussianForm
    {
        One,
        Few,
        Many,
    }
}
