using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Output;

/// <summary>Turns JSON nodes into text for the terminal.</summary>
internal static class JsonText
{
    // Relaxed escaping keeps Cyrillic and other non-ASCII text readable instead of \uXXXX sequences.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToIndented(JsonNode? node) => node is null ? "null" : node.ToJsonString(Indented);

    public static string ToCompact(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>The text of a value as a table cell: strings unquoted, null empty, objects and arrays as compact JSON.</summary>
    public static string ToCell(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(Compact),
        _ => node.ToJsonString(Compact),
    };

    /// <summary>A boolean flag of a metadata object as "yes" or "no".</summary>
    public static string ToYesNo(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag ? CliMessages.Yes : CliMessages.No;

    /// <summary>The items of an array joined with ", " (roles, teams, scopes); any other value as <see cref="ToCell"/> shows it.</summary>
    public static string ToList(JsonNode? node) =>
        node is JsonArray array ? string.Join(", ", array.Select(ToCell)) : ToCell(node);

    public static string? GetString(JsonNode? node, string propertyName) =>
        node is JsonObject obj && obj[propertyName] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : null;
}
