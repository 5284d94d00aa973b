using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Core.Fields;

/// <summary>Small readers shared by the field types, for parsed nodes and nodes built from CLR values alike.</summary>
internal static class JsonValues
{
    /// <summary>Reads a JSON string.</summary>
    /// <param name="node">The node.</param>
    /// <param name="text">The string, when the node is a readable JSON string.</param>
    /// <returns>True when the node is a JSON string that is valid UTF-16.</returns>
    public static bool TryGetString(JsonNode? node, [NotNullWhen(true)] out string? text) =>
        TryGetString(node, out text, out _);

    /// <summary>Reads a JSON string, telling apart strings that cannot be read.</summary>
    /// <param name="node">The node.</param>
    /// <param name="text">The string, when the node is a readable JSON string.</param>
    /// <param name="invalidUnicode">
    /// True when the node is a JSON string whose escapes (<c>\ud800</c>) make an unpaired surrogate, which
    /// System.Text.Json refuses to read.
    /// </param>
    /// <returns>True when the node is a JSON string that could be read.</returns>
    public static bool TryGetString(JsonNode? node, [NotNullWhen(true)] out string? text, out bool invalidUnicode)
    {
        text = null;
        invalidUnicode = false;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            if (!value.TryGetValue(out text))
            {
                // CLR values serialized as strings (char, Guid, enums with converters): read the JSON they produce.
                using var document = JsonDocument.Parse(value.ToJsonString());
                text = document.RootElement.GetString() ?? string.Empty;
            }
        }
        catch (InvalidOperationException)
        {
            invalidUnicode = true;
            return false;
        }

        return true;
    }

    /// <summary>Reads a JSON number exactly.</summary>
    /// <param name="node">The node.</param>
    /// <param name="number">The number, when the node is a JSON number.</param>
    /// <returns>True when the node is a JSON number.</returns>
    public static bool TryGetNumber(JsonNode? node, out ExactNumber number)
    {
        number = default;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number &&
               ExactNumber.TryRead(value, out number);
    }

    /// <summary>The JSON text of a value: the parsed text itself when the node wraps a parsed element (no writer needed).</summary>
    /// <param name="node">The node.</param>
    /// <returns>The JSON text.</returns>
    public static string RawText(JsonNode node) =>
        node is JsonValue value && value.TryGetValue(out JsonElement element) ? element.GetRawText() : node.ToJsonString();

    /// <summary>Makes a number node from canonical number text, backed by a JSON element like parsed request values.</summary>
    /// <param name="text">JSON number text.</param>
    /// <returns>The node.</returns>
    public static JsonNode Number(string text) => JsonNode.Parse(text)!;
}
