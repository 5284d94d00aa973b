using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Metadata;

/// <summary>The lossless conversions <see cref="FieldConversion.Cast"/> applies when a field changes type.</summary>
internal static class FieldValueConverter
{
    public static bool TryConvert(JsonNode value, FieldValueKind to, out JsonNode converted)
    {
        converted = value;
        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : null;
        switch (to)
        {
            case FieldValueKind.Text or FieldValueKind.Reference when kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                converted = JsonValue.Create(value.ToJsonString());
                return true;
            case FieldValueKind.Integer when text is not null:
                return Set(long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l), JsonValue.Create(l), ref converted);
            case FieldValueKind.Integer when kind == JsonValueKind.Number:
                return Set(decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue,
                    JsonValue.Create((long)d), ref converted);
            case FieldValueKind.Decimal when text is not null:
                return Set(decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m), JsonValue.Create(m), ref converted);
            case FieldValueKind.Boolean when text is not null:
                var b = text.Trim().ToLowerInvariant();
                return Set(b is "true" or "1" or "false" or "0", JsonValue.Create(b is "true" or "1"), ref converted);
            case FieldValueKind.Date when text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var dt):
                converted = JsonValue.Create(dt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return true;
            case FieldValueKind.DateTime when text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                converted = JsonValue.Create(CanonicalInstant.ToText(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
                return true;
            case FieldValueKind.TextArray when text is not null:
                converted = new JsonArray(JsonValue.Create(text));
                return true;
            default:
                return false;
        }
    }

    private static bool Set(bool ok, JsonNode value, ref JsonNode converted)
    {
        if (ok)
        {
            converted = value;
        }

        return ok;
    }
}
