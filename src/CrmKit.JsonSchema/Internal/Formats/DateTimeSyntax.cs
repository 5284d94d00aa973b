namespace CrmKit.JsonSchema.Internal.Formats;

/// <summary>RFC 3339 <c>full-date</c> and <c>date-time</c> (section 5.6), with leap seconds and leap years.</summary>
internal static class DateTimeSyntax
{
    private const int MinutesPerDay = 24 * 60;

    public static bool IsFullDate(ReadOnlySpan<char> text) => text.Length == 10 && IsFullDatePrefix(text);

    /// <summary>
    /// <c>full-date "T" partial-time time-offset</c>; T and Z may be lower case. A leap second (:60) is accepted only
    /// when the time is 23:59 in UTC.
    /// </summary>
    public static bool IsDateTime(ReadOnlySpan<char> text)
    {
        // "YYYY-MM-DDTHH:MM:SSZ" is the shortest form.
        if (text.Length < 20 || !IsFullDatePrefix(text) || (text[10] != 'T' && text[10] != 't'))
        {
            return false;
        }

        if (!TryTwoDigits(text, 11, out var hour) || text[13] != ':'
            || !TryTwoDigits(text, 14, out var minute) || text[16] != ':'
            || !TryTwoDigits(text, 17, out var second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var position = 19;
        if (text[position] == '.')
        {
            position++;
            var fractionStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            if (position == fractionStart)
            {
                return false;
            }
        }

        if (!TryOffset(text[position..], out var offsetMinutes))
        {
            return false;
        }

        if (second == 60)
        {
            var utcMinutes = ((((hour * 60) + minute - offsetMinutes) % MinutesPerDay) + MinutesPerDay) % MinutesPerDay;
            return utcMinutes == MinutesPerDay - 1;
        }

        return true;
    }

    private static bool IsFullDatePrefix(ReadOnlySpan<char> text)
    {
        if (text.Length < 10
            || !TryTwoDigits(text, 0, out var century) || !TryTwoDigits(text, 2, out var yearOfCentury)
            || text[4] != '-' || !TryTwoDigits(text, 5, out var month) || text[7] != '-'
            || !TryTwoDigits(text, 8, out var day))
        {
            return false;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth((century * 100) + yearOfCentury, month);
    }

    /// <summary><c>Z</c> / <c>z</c> or <c>+HH:MM</c> / <c>-HH:MM</c> filling the rest of the text.</summary>
    private static bool TryOffset(ReadOnlySpan<char> text, out int minutes)
    {
        minutes = 0;
        if (text.Length == 1)
        {
            return text[0] is 'Z' or 'z';
        }

        if (text.Length != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':'
            || !TryTwoDigits(text, 1, out var hours) || !TryTwoDigits(text, 4, out var mins)
            || hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = ((hours * 60) + mins) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool TryTwoDigits(ReadOnlySpan<char> text, int start, out int value)
    {
        value = 0;
        if (start + 2 > text.Length || !char.IsAsciiDigit(text[start]) || !char.IsAsciiDigit(text[start + 1]))
        {
            return false;
        }

        value = ((text[start] - '0') * 10) + (text[start + 1] - '0');
        return true;
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}
