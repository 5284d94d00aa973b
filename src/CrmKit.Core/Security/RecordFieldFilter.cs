using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Security;

/// <summary>
/// Removes the fields a caller may not read from records. Stored records keep their values as JSON text; the filter
/// copies the readable members' raw text (numbers stay exact) without building a tree — with a one-pass character scan
/// (<see cref="JsonMemberFilter"/>), or a full JSON reader for text the scan does not take — and leaves a record with no
/// hidden member untouched.
/// </summary>
internal static class RecordFieldFilter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static CrmRecord Strip(CrmRecord record, EntityAccess access)
    {
        if (!access.HidesFields)
        {
            return record;
        }

        var json = record.ValuesJson;
        var filtered = JsonMemberFilter.Filter(json, access) ?? Filter(json, access);
        if (ReferenceEquals(filtered, json))
        {
            return record;
        }

        return new CrmRecord
        {
            Entity = record.Entity, Id = record.Id, Version = record.Version, CreatedAt = record.CreatedAt, CreatedBy = record.CreatedBy,
            UpdatedAt = record.UpdatedAt, UpdatedBy = record.UpdatedBy, OwnerId = record.OwnerId, DeletedAt = record.DeletedAt,
            ValuesJson = filtered,
        };
    }

    /// <summary>A copy of <paramref name="values"/> without the hidden members.</summary>
    public static JsonObject Strip(JsonObject values, EntityAccess access)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in values)
        {
            if (access.CanRead(name))
            {
                copy[name] = value?.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>The values text without the hidden members (the same text when none is present).</summary>
    public static string StripText(string json, EntityAccess access) =>
        access.HidesFields ? JsonMemberFilter.Filter(json, access) ?? Filter(json, access) : json;

    /// <summary>The full parser's way, for text the one-pass scan declines (member names with escapes).</summary>
    private static string Filter(string json, EntityAccess access)
    {
        var input = Encoding.UTF8.GetBytes(json);
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var reader = new Utf8JsonReader(input);
            reader.Read();
            writer.WriteStartObject();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                if (access.CanRead(name))
                {
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(input.AsSpan(start, (int)reader.BytesConsumed - start), skipInputValidation: true);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
