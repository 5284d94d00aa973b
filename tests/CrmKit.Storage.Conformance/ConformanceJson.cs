using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CrmKit.Storage.Conformance;

/// <summary>Builds record data (JSON object text) for tests, the way Core serializes it: decimals written exactly.</summary>
public static class ConformanceJson
{
    // Quotes and non-ASCII text are written as they are, so SQL-looking values reach the store unescaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a JSON object. Null values are written as JSON null; leave a key out to omit the field.</summary>
    /// <param name="properties">Name and value pairs: string, long, int, decimal, bool, string[], <see cref="ConformanceMoney"/>, Guid or null.</param>
    /// <returns>The JSON text.</returns>
    public static string Object(params (string Name, object? Value)[] properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case decimal d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case Guid g:
                writer.WriteStringValue(g.ToString("D"));
                break;
            case string[] array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case ConformanceMoney money:
                writer.WriteStartObject();
                writer.WriteNumber("amount", money.Amount);
                writer.WriteString("currency", money.Currency);
                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentException($"Unsupported test value {value.GetType()}.", nameof(value));
        }
    }
}
