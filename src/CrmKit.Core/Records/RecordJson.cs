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

    public static string Serialize(JsonObject values) => values.ToJsonString(Options);

    public static JsonObject Parse(string data) => (JsonObject)JsonNode.Parse(data)!;

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
