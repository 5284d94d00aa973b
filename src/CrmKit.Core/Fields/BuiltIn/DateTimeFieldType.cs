using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>datetime</c>: an instant. Any RFC 3339 date-time with an offset (<c>Z</c> or <c>±hh:mm</c>; <c>T</c> or a space
/// between date and time; any number of fraction digits) is converted to the canonical UTC text of
/// <see cref="CanonicalInstant"/> (<c>2026-01-15T07:00:00.0000000Z</c>). Fraction digits past the seventh (100 ns) are
/// truncated. A date-time without an offset is refused, because the instant it means is unknown. Text that is not
/// shaped like a date-time, or names a day that does not exist, is left for the schema's <c>date-time</c> format.
/// </summary>
internal sealed partial class DateTimeFieldType : FieldType
{
    /// <summary>Creates the type.</summary>
    public DateTimeFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.DateTime,
            FieldValueKind.DateTime,
            new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            FieldMessages.DisplayName(BuiltInFieldTypes.DateTime)))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        if (!JsonValues.TryGetString(context.Value, out var text))
        {
            return;
        }

        var match = DateTimePattern().Match(text);
        if (!match.Success)
        {
            return;
        }

        if (!match.Groups["offset"].Success)
        {
            FieldMessages.Report(context, FieldErrorCodes.DateTimeOffsetRequired);
            return;
        }

        var year = Number(match, "year");
        var month = Number(match, "month");
        var day = Number(match, "day");
        var hour = Number(match, "hour");
        var minute = Number(match, "minute");
        var second = Number(match, "second");
        var offsetHour = match.Groups["sign"].Success ? Number(match, "offsetHour") : 0;
        var offsetMinute = match.Groups["sign"].Success ? Number(match, "offsetMinute") : 0;
        if (month is < 1 or > 12 || day < 1 || day > DaysIn(year, month) || hour > 23 || minute > 59 || second > 60 ||
            offsetHour > 23 || offsetMinute > 59)
        {
            // Not an RFC 3339 date-time at all: the schema's format check says so.
            return;
        }

        // Valid RFC 3339 that .NET cannot hold: year 0000, a leap second, an offset beyond ±14:00.
        if (year == 0 || second == 60 || offsetHour > 14 || (offsetHour == 14 && offsetMinute > 0))
        {
            FieldMessages.Report(context, FieldErrorCodes.DateTimeOutOfRange);
            return;
        }

        var offset = new TimeSpan(offsetHour, offsetMinute, 0);
        if (match.Groups["sign"].Value == "-")
        {
            offset = -offset;
        }

        var fraction = match.Groups["fraction"].Value;
        var ticks = fraction.Length == 0
            ? 0
            : long.Parse(fraction.PadRight(7, '0')[..7], NumberStyles.None, CultureInfo.InvariantCulture);
        DateTimeOffset instant;
        try
        {
            instant = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The local time exists but its UTC instant falls before 0001-01-01 or after 9999-12-31.
            FieldMessages.Report(context, FieldErrorCodes.DateTimeOutOfRange);
            return;
        }

        var canonical = CanonicalInstant.ToText(instant);
        if (canonical != text)
        {
            context.Value = JsonValue.Create(canonical);
        }
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int DaysIn(int year, int month) =>
        DateTime.DaysInMonth(year == 0 ? 2000 : year, month);

    [GeneratedRegex(
        @"\A(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt ](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?(?<offset>[Zz]|(?<sign>[+-])(?<offsetHour>[0-9]{2}):(?<offsetMinute>[0-9]{2}))?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DateTimePattern();
}
