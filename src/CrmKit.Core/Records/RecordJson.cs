using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Records;

/// <summary>Serializes field values for the store and maps stored rows to records. Numbers keep their exact text.</summary>
internal static class RecordJson
{
    /// <summary>Readable (Cyrillic kept as is), compact, exact: numbers are written with the text they were read with.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _cached;

    /// <summary>Serializes values to JSON text, reusing one buffer and writer per thread (bulk creates call this a lot).</summary>
    public static string Serialize(JsonObject values)
    {
        var (buffer, writer) = _cached ??= CreateWriter();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        values.WriteTo(writer, Options);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) CreateWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        return (buffer, new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, Indented = false }));
    }

    public static JsonObject Parse(string data) => (JsonObject)JsonNode.Parse(data)!;

    /// <summary>The record of a stored row whose values the caller already holds as a tree.</summary>
    public static CrmRecord ToRecord(string entity, StoredRecord row, JsonObject values) => new()
    {
        Entity = entity,
        Id = row.Id,
        Version = row.Version,
        CreatedAt = row.CreatedAt,
        CreatedBy = row.CreatedBy,
        UpdatedAt = row.UpdatedAt,
        UpdatedBy = row.UpdatedBy,
        OwnerId = row.OwnerId,
        DeletedAt = row.DeletedAt,
        Values = values,
    };

    /// <summary>The record of a stored row with other values text (the stored text with members cut); text until read.</summary>
    public static CrmRecord ToRecord(string entity, StoredRecord row, string valuesJson) => new()
    {
        Entity = entity,
        Id = row.Id,
        Version = row.Version,
        CreatedAt = row.CreatedAt,
        CreatedBy = row.CreatedBy,
        UpdatedAt = row.UpdatedAt,
        UpdatedBy = row.UpdatedBy,
        OwnerId = row.OwnerId,
        DeletedAt = row.DeletedAt,
        ValuesJson = valuesJson,
    };

    /// <summary>The record of a stored row; its values stay JSON text until read.</summary>
    public static CrmRecord ToRecord(string entity, StoredRecord row) => new()
    {
        Entity = entity,
        Id = row.Id,
        Version = row.Version,
        CreatedAt = row.CreatedAt,
        CreatedBy = row.CreatedBy,
        UpdatedAt = row.UpdatedAt,
        UpdatedBy = row.UpdatedBy,
        OwnerId = row.OwnerId,
        DeletedAt = row.DeletedAt,
        ValuesJson = row.Data,
    };
}
