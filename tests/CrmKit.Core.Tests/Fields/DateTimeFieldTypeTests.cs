using CrmKit.Core.Fields;
using CrmKit.Core.Fields.BuiltIn;

namespace CrmKit.Core.Tests.Fields;

public sealed class DateTimeFieldTypeTests
{
    private readonly DateTimeFieldType _type = new();

    [Theory]
    [InlineData("2026-01-15T10:00:00+03:00", "2026-01-15T07:00:00.0000000Z")]
    [InlineData("2026-01-15T10:00:00Z", "2026-01-15T10:00:00.0000000Z")]
    [InlineData("2026-01-15T10:00:00z", "2026-01-15T10:00:00.0000000Z")]
    [InlineData("2026-01-15t10:00:00.5-05:30", "2026-01-15T15:30:00.5000000Z")]
    [InlineData("2026-01-15 10:00:00+00:00", "2026-01-15T10:00:00.0000000Z")]
    [InlineData("2026-01-01T01:30:00+05:00", "2025-12-31T20:30:00.0000000Z")]
    [InlineData("2024-02-29T23:59:59.123456789+14:00", "2024-02-29T09:59:59.1234567Z")]
    [InlineData("2026-06-30T12:00:00-12:00", "2026-07-01T00:00:00.0000000Z")]
    public void Normalize_ShouldConvertOffsetToUtc(string input, string expected)
    {
        var context = _type.Normalize($"\"{input}\"");

        context.ShouldBeAccepted();
        context.StringValue().ShouldBe(expected);
    }

    [Fact]
    public void Normalize_ShouldKeepCanonicalValueUnchanged()
    {
        var context = _type.Normalize("\"2026-01-15T07:00:00.0000000Z\"");

        context.ShouldBeAccepted();
        context.StringValue().ShouldBe("2026-01-15T07:00:00.0000000Z");
    }

    [Theory]
    [InlineData("2026-01-15T10:00:00")]
    [InlineData("2026-01-15T10:00:00.123")]
    [InlineData("2026-01-15 10:00:00")]
    public void Normalize_ShouldRefuseDateTimeWithoutOffset(string input)
    {
        _type.Normalize($"\"{input}\"").ShouldBeRefusedWith(FieldErrorCodes.DateTimeOffsetRequired);
    }

    [Theory]
    [InlineData("2016-12-31T23:59:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2026-01-15T10:00:00+15:00")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:00:00-02:00")]
    public void Normalize_ShouldRefuseValidRfc3339ThatCannotBeStored(string input)
    {
        _type.Normalize($"\"{input}\"").ShouldBeRefusedWith(FieldErrorCodes.DateTimeOutOfRange);
    }

    [Theory]
    [InlineData("\"2026-02-30T10:00:00Z\"")]
    [InlineData("\"2026-13-01T10:00:00Z\"")]
    [InlineData("\"2026-01-15T24:00:00Z\"")]
    [InlineData("\"2026-01-15T10:00:00+03:60\"")]
    [InlineData("\"2026-01-15\"")]
    [InlineData("\"tomorrow\"")]
    [InlineData("\"2026-01-15T10:00:00Z\\n\"")]
    [InlineData("\"٢٠٢٦-01-15T10:00:00Z\"")]
    [InlineData("1736935200")]
    public void Normalize_ShouldLeaveMalformedValuesToTheSchema(string json)
    {
        var context = _type.Normalize(json);

        context.ShouldBeAccepted();
        context.Value.ToJsonString().ShouldBe(System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString());
    }
}
