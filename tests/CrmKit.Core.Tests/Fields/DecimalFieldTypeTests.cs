using CrmKit.Core.Fields;
using CrmKit.Core.Fields.BuiltIn;

namespace CrmKit.Core.Tests.Fields;

public sealed class DecimalFieldTypeTests
{
    private readonly DecimalFieldType _type = new();

    [Theory]
    [InlineData("0.1")]
    [InlineData("0.2")]
    [InlineData("12345678901234.56")]
    [InlineData("1.50")]
    [InlineData("-0.005")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("7.9228162514264337593543950335")]
    [InlineData("0.00")]
    public void Normalize_ShouldKeepNumberTextByteExact(string json)
    {
        var context = _type.Normalize(json);

        context.ShouldBeAccepted();
        context.NumberText().ShouldBe(json);
    }

    [Theory]
    [InlineData("1.5e3", "1500")]
    [InlineData("1E-2", "0.01")]
    [InlineData("-0", "0")]
    [InlineData("1.0000000000000000000000000000000", "1.0000000000000000000000000000")]
    [InlineData("79228162514264337593543950335.000", "79228162514264337593543950335")]
    public void Normalize_ShouldRewriteInPlainNotation_WhenValueIsExact(string json, string expected)
    {
        var context = _type.Normalize(json);

        context.ShouldBeAccepted();
        context.NumberText().ShouldBe(expected);
    }

    [Theory]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e29")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("1.23456789012345678901234567891")]
    [InlineData("1e-400")]
    [InlineData("1e400")]
    public void Normalize_ShouldRefuseNumbersDecimalCannotHoldExactly(string json)
    {
        _type.Normalize(json).ShouldBeRefusedWith(FieldErrorCodes.DecimalOutOfRange);
    }

    [Fact]
    public void Normalize_ShouldLeaveStringsToTheSchema()
    {
        var context = _type.Normalize("\"0.1\"");

        context.ShouldBeAccepted();
        context.StringValue().ShouldBe("0.1");
    }
}
