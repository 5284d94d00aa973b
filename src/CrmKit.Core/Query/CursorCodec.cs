using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Query;

/// <summary>
/// Encodes keyset paging positions as opaque cursors and decodes them strictly. A cursor is the base64url form of an
/// HMAC-SHA256 tag followed by a compact JSON payload <c>{"v":1,"s":"sort signature","k":[values]}</c>; the tag makes
/// forged or altered cursors detectable, the signature ties a cursor to the sort (fields, kinds, directions) it came
/// from. Decoding never throws anything but a <see cref="Sdk.Errors.CrmException"/> with code
/// <c>query.invalid_cursor</c>.
/// </summary>
internal sealed partial class CursorCodec
{
    /// <summary>The payload format version.</summary>
    public const int FormatVersion = 1;

    /// <summary>The longest cursor accepted, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>The size of generated keys, in bytes.</summary>
    public const int KeySize = 32;

    /// <summary>The smallest key accepted, in bytes.</summary>
    public const int MinKeySize = 16;

    private const int TagSize = HMACSHA256.HashSizeInBytes;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The payload travels inside base64url, never in HTML: raw UTF-8 keeps cursors short.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly byte[] _key;

    /// <summary>Creates a codec with a random key: cursors stay valid only as long as this instance lives.</summary>
    public CursorCodec()
        : this(RandomNumberGenerator.GetBytes(KeySize))
    {
    }

    /// <summary>Creates a codec with a secret key shared by every server that must accept its cursors.</summary>
    /// <param name="key">The HMAC key, at least <see cref="MinKeySize"/> bytes (<see cref="KeySize"/> recommended).</param>
    public CursorCodec(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeySize)
        {
            throw new ArgumentException($"The cursor key must have at least {MinKeySize} bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>Encodes the position after a record.</summary>
    /// <param name="sort">The sort keys of the query.</param>
    /// <param name="values">
    /// The record's values of the sort keys (see <see cref="CursorValues"/>), typed as in
    /// <see cref="ComparisonFilter.Value"/>.
    /// </param>
    /// <returns>The cursor.</returns>
    /// <exception cref="ArgumentException">The values do not match the sort keys.</exception>
    /// <exception cref="Sdk.Errors.CrmException">
    /// A sort value is so long that the cursor would exceed <see cref="MaxLength"/> (bad request,
    /// <c>query.sort_value_too_long</c>).
    /// </exception>
    public string Encode(IReadOnlyList<SortKey> sort, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != sort.Count)
        {
            throw new ArgumentException("There must be one value per sort key.", nameof(values));
        }

        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", FormatVersion);
            writer.WriteString("s", Signature(sort));
            writer.WriteStartArray("k");
            for (var i = 0; i < sort.Count; i++)
            {
                WriteValue(writer, sort[i], values[i]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var bytes = new byte[TagSize + payload.WrittenCount];
        payload.WrittenSpan.CopyTo(bytes.AsSpan(TagSize));
        HMACSHA256.HashData(_key, payload.WrittenSpan, bytes.AsSpan(0, TagSize));
        var cursor = Base64Url.EncodeToString(bytes);
        if (cursor.Length > MaxLength)
        {
            throw QueryErrors.Sort(QueryErrors.SortValueTooLong, "sort.value_too_long", MaxLength);
        }

        return cursor;
    }

    /// <summary>Decodes and checks a cursor.</summary>
    /// <param name="cursor">The cursor the client sent back.</param>
    /// <param name="sort">The sort keys of the query it is used with.</param>
    /// <returns>The values of the sort keys, aligned with <paramref name="sort"/>.</returns>
    /// <exception cref="Sdk.Errors.CrmException">
    /// The cursor is damaged, forged, too long or from another sort (bad request, <c>query.invalid_cursor</c>,
    /// pointer <c>/after</c>).
    /// </exception>
    public IReadOnlyList<object?> Decode(string cursor, IReadOnlyList<SortKey> sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        try
        {
            return DecodeCore(cursor, sort);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException
            or InvalidOperationException or OverflowException or DecoderFallbackException or IndexOutOfRangeException)
        {
            // Defence in depth: DecodeCore validates with Try-APIs, but no parsing surprise may become a 500.
            throw QueryErrors.Cursor("cursor.invalid", exception);
        }
    }

    private List<object?> DecodeCore(string? cursor, IReadOnlyList<SortKey> sort)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxLength || !IsBase64UrlText(cursor))
        {
            throw QueryErrors.Cursor("cursor.invalid");
        }

        var bytes = Base64Url.DecodeFromChars(cursor);

        // Only the canonical spelling of the bytes is accepted (no stray bits in the last character).
        if (bytes.Length <= TagSize || !string.Equals(Base64Url.EncodeToString(bytes), cursor, StringComparison.Ordinal))
        {
            throw QueryErrors.Cursor("cursor.invalid");
        }

        var payload = bytes.AsSpan(TagSize);
        Span<byte> tag = stackalloc byte[TagSize];
        HMACSHA256.HashData(_key, payload, tag);
        if (!CryptographicOperations.FixedTimeEquals(tag, bytes.AsSpan(0, TagSize)))
        {
            throw QueryErrors.Cursor("cursor.invalid");
        }

        return ReadPayload(payload, sort);
    }

    private static bool IsBase64UrlText(string text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return false;
            }
        }

        return text.Length % 4 != 1;
    }

    private static string Signature(IReadOnlyList<SortKey> sort)
    {
        var text = new StringBuilder();
        foreach (var key in sort)
        {
            text.Append(key.Field.Name).Append(':').Append((int)key.Field.Kind).Append(':')
                .Append(key.Descending ? 'd' : 'a').Append(';');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Base64Url.EncodeToString(hash.AsSpan(0, 12));
    }

    private static void WriteValue(Utf8JsonWriter writer, SortKey key, object? value)
    {
        switch (key.Field.Kind, value)
        {
            case (_, null):
                writer.WriteNullValue();
                break;
            case (FieldValueKind.Text or FieldValueKind.Date or FieldValueKind.DateTime or FieldValueKind.Reference,
                string text):
                writer.WriteStringValue(text);
                break;
            case (FieldValueKind.Integer, long integer):
                writer.WriteNumberValue(integer);
                break;
            case (FieldValueKind.Decimal or FieldValueKind.Money, decimal number):
                writer.WriteNumberValue(number);
                break;
            case (FieldValueKind.Boolean, bool flag):
                writer.WriteBooleanValue(flag);
                break;
            default:
                throw new ArgumentException(
                    $"The value for sort key '{key.Field.Name}' ({key.Field.Kind}) has the wrong type.", nameof(value));
        }
    }
}
