using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Records;

/// <summary>A stored record: the system fields plus the field values as a JSON object.</summary>
/// <remarks>
/// A record read from a store carries its values as the stored JSON text (<see cref="ValuesJson"/>) and parses them
/// only when <see cref="Values"/> is first read, so listing records costs no parsing the caller does not need.
/// Set exactly one of <see cref="Values"/> and <see cref="ValuesJson"/>.
/// </remarks>
public sealed class CrmRecord
{
    private JsonObject? _values;
    private string? _valuesJson;

    /// <summary>The entity the record belongs to.</summary>
    public required string Entity { get; init; }

    /// <summary>The record id (UUIDv7).</summary>
    public required Guid Id { get; init; }

    /// <summary>The optimistic-concurrency version; it starts at 1 and grows by one with every change.</summary>
    public required long Version { get; init; }

    /// <summary>When the record was created (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who created the record.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When the record last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last changed the record.</summary>
    public required string UpdatedBy { get; init; }

    /// <summary>The user responsible for the record, if any.</summary>
    public string? OwnerId { get; init; }

    /// <summary>When the record was deleted; null while it is live.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>The field values (system fields excluded), in canonical form.</summary>
    /// <exception cref="InvalidOperationException">Neither the values nor their JSON text were set.</exception>
    public JsonObject Values
    {
        get => _values ??= Parse(_valuesJson);
        init => _values = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The field values as JSON object text: the stored text until <see cref="Values"/> is read, afterwards the text
    /// of <see cref="Values"/> as it is then.
    /// </summary>
    public string ValuesJson
    {
        get => _values is not null ? _values.ToJsonString(TextOptions) : _valuesJson ?? throw NoValues();
        init => _valuesJson = value ?? throw new ArgumentNullException(nameof(value));
    }

    // Values are JSON text, not HTML: keep Cyrillic and '+' readable.
    private static readonly JsonSerializerOptions TextOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject Parse(string? json) =>
        json is null ? throw NoValues() : JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("The values are not a JSON object.");

    private static InvalidOperationException NoValues() => new("The record was created without values.");
}
