using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.JsonSchema.Internal;

/// <summary>Classifies <see cref="JsonNode"/> instances, whether parsed or built from CLR values.</summary>
internal static class JsonKinds
{
    /// <summary>Returns the JSON kind of a node; a C# <see langword="null"/> is JSON <c>null</c>.</summary>
    public static JsonValueKind Of(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonObject => JsonValueKind.Object,
        JsonArray => JsonValueKind.Array,
        _ => node.GetValueKind() is var kind && kind == JsonValueKind.Undefined ? JsonValueKind.Null : kind,
    };

    /// <summary>
    /// Returns a node of kind <see cref="JsonValueKind.Object"/> as a <see cref="JsonObject"/>; a
    /// <see cref="JsonValue"/> wrapping an object (a <see cref="JsonElement"/> or a CLR object) is converted.
    /// </summary>
    public static JsonObject AsObject(JsonNode node) => node as JsonObject ?? Reparse(node).AsObject();

    /// <summary>Returns a node of kind <see cref="JsonValueKind.Array"/> as a <see cref="JsonArray"/>.</summary>
    public static JsonArray AsArray(JsonNode node) => node as JsonArray ?? Reparse(node).AsArray();

    /// <summary>Reads the string of a node whose kind is <see cref="JsonValueKind.String"/>.</summary>
    public static string GetString(JsonNode node)
    {
        if (node is JsonValue value && value.TryGetValue(out string? text))
        {
            return text;
        }

        // CLR values such as char or enums converted to strings: let the serializer produce the JSON string.
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.GetString() ?? string.Empty;
    }

    private static JsonNode Reparse(JsonNode node) => JsonNode.Parse(node.ToJsonString())!;
}
