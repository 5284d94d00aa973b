using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Plugins.OneC.Model;

/// <summary>Reads record values leniently: a missing field, a null, a number stored as text.</summary>
internal static class Values
{
    public static string? Text(JsonObject values, string name) =>
        values.TryGetPropertyValue(name, out var node) && node is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
                _ => null,
            }
            : null;

    public static decimal? Decimal(JsonObject values, string name)
    {
        if (!values.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonObject money)
        {
            return Decimal(money, "amount");
        }

        var value = node.AsValue();
        return value.GetValueKind() switch
        {
            // A value built in code holds an int or a double, a parsed one its JSON text: read the text either way, exactly.
            JsonValueKind.Number => value.TryGetValue<decimal>(out var exact)
                ? exact
                : decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.String when decimal.TryParse(value.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    public static bool? Boolean(JsonObject values, string name) =>
        values.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : null;

    public static Guid? Id(JsonObject values, string name) =>
        Text(values, name) is { } text && Guid.TryParse(text, out var id) ? id : null;

    /// <summary>The current values of a record being written: its stored values with the changes laid over.</summary>
    public static JsonObject Merge(JsonObject? stored, JsonObject changes)
    {
        var merged = stored is null ? new JsonObject() : (JsonObject)stored.DeepClone();
        foreach (var (name, value) in changes)
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }
}
