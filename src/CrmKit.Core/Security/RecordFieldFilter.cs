using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Security;

/// <summary>
/// Removes the fields a caller may not read from records. Stored records keep their values as JSON text; the filter
/// copies the readable members' raw text (numbers stay exact) without building a tree, and leaves a record whose text
/// names no hidden field untouched.
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
        if (access.DefaultField != FieldAccess.Hidden && !MentionsAny(json, access.HiddenFields))
        {
            return record;
        }

        return new CrmRecord
        {
            Entity = record.Entity, Id = record.Id, Version = record.Version, CreatedAt = record.CreatedAt, CreatedBy = record.CreatedBy,
            UpdatedAt = record.UpdatedAt, UpdatedBy = record.UpdatedBy, OwnerId = record.OwnerId, DeletedAt = record.DeletedAt,
            ValuesJson = Filter(json, access),
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

    private static bool MentionsAny(string json, IReadOnlySet<string> names)
    {
        foreach (var name in names)
        {
            // Member names are written unescaped ("name":), so a miss here means the member is absent.
            if (json.Contains(string.Concat("\"", name, "\""), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

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
