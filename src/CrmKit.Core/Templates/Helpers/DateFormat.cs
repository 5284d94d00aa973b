using System.Globalization;

namespace CrmKit.Core.Templates.Helpers;

/// <summary>
/// <c>date_format</c>: a date or date-time (a value or an ISO 8601 string) in the template's culture. Named formats:
/// <c>short</c> (the default; <c>05.03.2025</c> / <c>3/5/2025</c>), <c>long</c> (<c>5 марта 2025 г.</c> /
/// <c>March 5, 2025</c>), <c>datetime</c> (<c>05.03.2025 14:30</c>), <c>time</c>; anything else is a .NET custom
/// format string (<c>"dd.MM.yyyy HH:mm"</c>).
/// </summary>
internal static class DateFormat
{
    /// <summary>Formats a date.</summary>
    /// <param name="value">The date.</param>
    /// <param name="format">A named format or a .NET custom format.</param>
    /// <param name="timeZone">The time zone to show a date-time in; null keeps its own offset.</param>
    /// <param name="culture">The culture.</param>
    /// <returns>The text, or an empty string when the value is not a date.</returns>
    public static string Format(object? value, string? format, TimeZoneInfo? timeZone, CultureInfo culture)
    {
        if (HelperValues.ToDateTime(value) is not { } date)
        {
            return string.Empty;
        }

        if (timeZone is not null)
        {
            date = TimeZoneInfo.ConvertTime(date, timeZone);
        }

        var russian = HelperValues.IsRussian(culture);
        var pattern = format switch
        {
            null or "" or "short" => "d",
            "long" => russian ? "d MMMM yyyy 'г.'" : "MMMM d, yyyy",
            "datetime" => "g",
            "time" => "t",
            _ => format,
        };
        try
        {
            return date.ToString(pattern, culture);
        }
        catch (FormatException)
        {
            // A bad custom format is the template author's mistake; show it rather than fail the whole document.
            return format ?? string.Empty;
        }
    }
}
