using CrmKit.Core.Fields;
using CrmKit.Core.Fields.BuiltIn;

namespace CrmKit.Core.Tests.Fields;

public sealed class IntegerFieldTypeTests
{
    private readonly IntegerFieldType _type = new();

    [Theory]
    [InlineData("0", "0")]
    [InlineData("42", "42")]
    [InlineData("-17", "-17")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("1.0", "1")]
    [InlineData("1e3", "1000")]
    [InlineData("12.500e1", "125")]
    [InlineData("-0", "0")]
    [InlineData("9.223372036854775807E18", "9223372036854775807")]
    public void Normalize_ShouldKeepOrCanonicalizeWholeNumbers(string json, string expected)
    {
        var context = _type.Normalize(json);

        context.ShouldBeAccepted();
        context.NumberText().ShouldBe(expected);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("100000000000000000000000000000")]
    [InlineData("1e19")]
    [InlineData("1e999999999999")]
    public void Normalize_ShouldRefuseNumbersOutsideInt64(string json)
    {
        _type.Normalize(json).ShouldBeRefusedWith(FieldErrorCodes.IntegerOutOfRange);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"42\"")]
    [InlineData("true")]
    public void Normalize_ShouldLeaveNonIntegersToTheSchema(string json)
    {
        var context = _type.Normalize(json);

        context.ShouldBeAccepted();
        context.Value.ToJsonString().ShouldBe(json);
    }
}
