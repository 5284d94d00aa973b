using System.Text.Json;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Query;

/// <summary>Strict reading of a cursor's JSON payload (after its tag was verified).</summary>
internal sealed partial class CursorCodec
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 3,
    };

    private static List<object?> ReadPayload(ReadOnlySpan<byte> payload, IReadOnlyList<SortKey> sort)
    {
        var reader = new Utf8JsonReader(payload, ReaderOptions);
        Require(reader.Read() && reader.TokenType == JsonTokenType.StartObject);

        ReadPropertyName(ref reader, "v");
        Require(reader.TokenType == JsonTokenType.Number);
        if (!reader.TryGetInt32(out var version) || version != FormatVersion)
        {
            throw QueryErrors.Cursor("cursor.invalid");
        }

        ReadPropertyName(ref reader, "s");
        Require(reader.TokenType == JsonTokenType.String);
        if (!reader.ValueTextEquals(Signature(sort)))
        {
            throw QueryErrors.Cursor("cursor.wrong_sort");
        }

        ReadPropertyName(ref reader, "k");
        Require(reader.TokenType == JsonTokenType.StartArray);
        var values = new List<object?>(sort.Count);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Require(values.Count < sort.Count);
            values.Add(ReadValue(ref reader, sort[values.Count].Field.Kind));
        }

        Require(reader.TokenType == JsonTokenType.EndArray && values.Count == sort.Count);
        Require(reader.Read() && reader.TokenType == JsonTokenType.EndObject);
        Require(!reader.Read());
        return values;
    }

    private static void ReadPropertyName(ref Utf8JsonReader reader, string name)
    {
        Require(reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name));
        Require(reader.Read());
    }

    private static object? ReadValue(ref Utf8JsonReader reader, FieldValueKind kind)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        object? value = (kind, reader.TokenType) switch
        {
            (FieldValueKind.Text, JsonTokenType.String) => reader.GetString(),
            (FieldValueKind.Date, JsonTokenType.String) => Exact(reader.GetString(), QueryLiterals.TryParseDate),
            (FieldValueKind.DateTime, JsonTokenType.String) =>
                reader.GetString() is { } instant && QueryLiterals.IsCanonicalInstant(instant) ? instant : null,
            (FieldValueKind.Reference, JsonTokenType.String) => Exact(reader.GetString(), QueryLiterals.TryParseReference),
            (FieldValueKind.Integer, JsonTokenType.Number) when reader.TryGetInt64(out var integer) => integer,
            (FieldValueKind.Decimal or FieldValueKind.Money, JsonTokenType.Number)
                when reader.TryGetDecimal(out var number) => number,
            (FieldValueKind.Boolean, JsonTokenType.True) => true,
            (FieldValueKind.Boolean, JsonTokenType.False) => false,
            _ => null,
        };

        Require(value is not null);
        return value;
    }

    private static string? Exact(string? text, TryParse parse) =>
        text is not null && parse(text, out var normalized) && string.Equals(normalized, text, StringComparison.Ordinal)
            ? text
            : null;

    private static void Require(bool condition)
    {
        if (!condition)
        {
            throw QueryErrors.Cursor("cursor.invalid");
        }
    }

    private delegate bool TryParse(string text, out string value);
}
