using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CrmKit.Core.Query;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Tests.Query;

public class CursorCodecTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private readonly CursorCodec _codec = new(Key);

    public static TheoryData<FieldValueKind, object?> ValuesOfEveryKind => new()
    {
        { FieldValueKind.Text, "Acme \"Ltd\" 'x' ☃ Ёж" },
        { FieldValueKind.Text, string.Empty },
        { FieldValueKind.Text, null },
        { FieldValueKind.Integer, long.MinValue },
        { FieldValueKind.Integer, 0L },
        { FieldValueKind.Decimal, 0.1m + 0.2m },
        { FieldValueKind.Decimal, 12345678901234.56m },
        { FieldValueKind.Decimal, -79228162514264337593543950335m },
        { FieldValueKind.Money, 1000.00m },
        { FieldValueKind.Boolean, true },
        { FieldValueKind.Boolean, false },
        { FieldValueKind.Date, "2026-01-31" },
        { FieldValueKind.DateTime, "2026-01-31T10:00:00.1234567Z" },
        { FieldValueKind.Reference, "0190c2a4-7b7e-7c3a-9f1e-2b3c4d5e6f70" },
        { FieldValueKind.Reference, null },
    };

    [Theory]
    [MemberData(nameof(ValuesOfEveryKind))]
    public void Decode_ShouldReturnTheEncodedValues_ForEveryKind(FieldValueKind kind, object? value)
    {
        var sort = Sort(("field", kind, true));
        var values = new[] { value, "0190c2a4-7b7e-7c3a-9f1e-2b3c4d5e6f70" };

        var decoded = _codec.Decode(_codec.Encode(sort, values), sort);

        decoded.Count.ShouldBe(2);
        decoded[0].ShouldBe(value);
        decoded[0]?.GetType().ShouldBe(value?.GetType());
        decoded[1].ShouldBe(values[1]);
    }

    [Fact]
    public void Decode_ShouldKeepDecimalScale()
    {
        var sort = Sort(("amount", FieldValueKind.Money, false));

        var decoded = (decimal)_codec.Decode(_codec.Encode(sort, [12.50m, Id]), sort)[0]!;

        decoded.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("12.50");
    }

    [Fact]
    public void Encode_ShouldProduceUrlSafeText()
    {
        var cursor = _codec.Encode(Sort(("name", FieldValueKind.Text, false)), ["?&=/+ %", Id]);

        cursor.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
    }

    [Fact]
    public void Decode_ShouldAcceptCursors_FromAnotherCodecWithTheSameKey()
    {
        var sort = Sort(("quantity", FieldValueKind.Integer, false));

        new CursorCodec(Key).Decode(_codec.Encode(sort, [5L, Id]), sort)[0].ShouldBe(5L);
    }

    [Fact]
    public void Decode_ShouldRefuseCursors_SignedWithAnotherKey()
    {
        var sort = Sort(("quantity", FieldValueKind.Integer, false));
        var cursor = new CursorCodec().Encode(sort, [5L, Id]);

        Refuse(cursor, sort);
    }

    [Fact]
    public void Decode_ShouldRefuseForgedCursors_WithoutAValidTag()
    {
        var sort = Sort(("quantity", FieldValueKind.Integer, false));
        var payload = Encoding.UTF8.GetBytes("{\"v\":1,\"s\":\"" + SignatureOf(sort) + "\",\"k\":[0,\"" + Id + "\"]}");
        var forged = new byte[32 + payload.Length];
        payload.CopyTo(forged, 32);
        HMACSHA256.HashData(new byte[32], payload).CopyTo(forged, 0);

        Refuse(Base64Url.EncodeToString(forged), sort);
    }

    [Fact]
    public void Decode_ShouldRefuseCursors_WithAnyByteChanged()
    {
        var sort = Sort(("quantity", FieldValueKind.Integer, false));
        var bytes = Base64Url.DecodeFromChars(_codec.Encode(sort, [5L, Id]));
        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            Refuse(Base64Url.EncodeToString(tampered), sort);
        }
    }

    [Fact]
    public void Decode_ShouldRefuseTruncatedCursors()
    {
        var sort = Sort(("name", FieldValueKind.Text, false));
        var cursor = _codec.Encode(sort, ["Acme", Id]);
        for (var length = 0; length < cursor.Length; length++)
        {
            Refuse(cursor[..length], sort);
        }
    }

    [Fact]
    public void Decode_ShouldRefuseCursors_WithExtraCharacters()
    {
        var sort = Sort(("name", FieldValueKind.Text, false));
        var cursor = _codec.Encode(sort, ["Acme", Id]);

        Refuse(cursor + "A", sort);
        Refuse(cursor + "AAAA", sort);
        Refuse(cursor + "=", sort);
        Refuse(" " + cursor, sort);
        Refuse(cursor.Replace('-', '+').Replace('_', '/'), sort, onlyIfChanged: cursor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("not a cursor")]
    [InlineData("eyJ2IjoxfQ")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%00%01")]
    [InlineData("' or 1=1 --")]
    [InlineData("Ё")]
    public void Decode_ShouldRefuseGarbage(string cursor) => Refuse(cursor, Sort(("name", FieldValueKind.Text, false)));

    [Fact]
    public void Decode_ShouldRefuseNull() => Refuse(null!, Sort(("name", FieldValueKind.Text, false)));

    [Fact]
    public void Decode_ShouldRefuseCursorsLongerThanTheLimit() =>
        Refuse(new string('A', CursorCodec.MaxLength + 1), Sort(("name", FieldValueKind.Text, false)));

    [Theory]
    [InlineData("name", FieldValueKind.Text, true)]
    [InlineData("title", FieldValueKind.Text, false)]
    [InlineData("name", FieldValueKind.Reference, false)]
    public void Decode_ShouldRefuseCursors_FromAnotherSort(string name, FieldValueKind kind, bool descending)
    {
        var cursor = _codec.Encode(Sort(("name", FieldValueKind.Text, false)), ["0190c2a4-7b7e-7c3a-9f1e-2b3c4d5e6f70", Id]);

        var message = Refuse(cursor, Sort((name, kind, descending)));

        message.ShouldContain("different sort");
    }

    [Fact]
    public void Decode_ShouldRefuseCursors_FromASortWithMoreKeys()
    {
        var cursor = _codec.Encode(Sort(("name", FieldValueKind.Text, false)), ["a", Id]);

        Refuse(cursor, Sort(("name", FieldValueKind.Text, false), ("quantity", FieldValueKind.Integer, false)));
    }

    [Fact]
    public void Encode_ShouldRefuseValuesTooLongForACursor()
    {
        var sort = Sort(("notes", FieldValueKind.Text, false));

        Should.Throw<CrmException>(() => _codec.Encode(sort, [new string('x', CursorCodec.MaxLength), Id]))
            .ShouldBeQueryError(QueryErrors.SortValueTooLong, QueryErrors.SortPointer);
    }

    [Fact]
    public void Encode_ShouldRefuseValuesOfTheWrongType_AsAProgrammingError()
    {
        var sort = Sort(("quantity", FieldValueKind.Integer, false));

        Should.Throw<ArgumentException>(() => _codec.Encode(sort, [5, Id]));
        Should.Throw<ArgumentException>(() => _codec.Encode(sort, [5L]));
    }

    [Fact]
    public void Constructor_ShouldRefuseShortKeys() =>
        Should.Throw<ArgumentException>(() => new CursorCodec(new byte[8]));

    [Fact]
    public void Decode_ShouldGiveRussianMessages()
    {
        var exception = Should.Throw<CrmException>(() => _codec.Decode("garbage", Sort(("name", FieldValueKind.Text, false))));

        exception.Errors[0].Message.Get(QueryFixtures.Russian).ShouldContain("Курсор");
    }

    private const string Id = "0190c2a4-0000-7000-8000-000000000001";

    private static SortKey[] Sort(params (string Name, FieldValueKind Kind, bool Descending)[] keys) =>
    [
        .. keys.Select(k => new SortKey(new FieldReference(k.Name, k.Kind, IsSystem: false), k.Descending)),
        new SortKey(new FieldReference("id", FieldValueKind.Reference, IsSystem: true), false),
    ];

    private string SignatureOf(SortKey[] sort)
    {
        // The signature is not secret: read it back from a genuine cursor.
        var bytes = Base64Url.DecodeFromChars(_codec.Encode(sort, sort.Select(_ => (object?)null).ToArray()));
        var json = Encoding.UTF8.GetString(bytes, 32, bytes.Length - 32);
        var start = json.IndexOf("\"s\":\"", StringComparison.Ordinal) + 5;
        return json[start..json.IndexOf('"', start)];
    }

    private string Refuse(string cursor, SortKey[] sort, string? onlyIfChanged = null)
    {
        if (onlyIfChanged is not null && cursor == onlyIfChanged)
        {
            return string.Empty;
        }

        return Should.Throw<CrmException>(() => _codec.Decode(cursor, sort))
            .ShouldBeQueryError(QueryErrors.InvalidCursor, QueryErrors.CursorPointer);
    }
}
