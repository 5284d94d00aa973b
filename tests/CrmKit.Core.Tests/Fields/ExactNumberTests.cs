using CrmKit.Core.Fields;

namespace CrmKit.Core.Tests.Fields;

public sealed class ExactNumberTests
{
    [Theory]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("NaN")]
    [InlineData("0x10")]
    [InlineData("1 ")]
    [InlineData("")]
    [InlineData("-")]
    public void TryParse_ShouldRefuseTextThatIsNotAJsonNumber(string text)
    {
        ExactNumber.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("0.1", "1", -1L)]
    [InlineData("-12.50", "1250", -2L)]
    [InlineData("0.00", "", -2L)]
    [InlineData("1E+3", "1", 3L)]
    [InlineData("0.001e2", "1", -1L)]
    public void TryParse_ShouldSplitDigitsAndExponent(string text, string digits, long exponent)
    {
        ExactNumber.TryParse(text, out var number).ShouldBeTrue();

        number.Digits.ShouldBe(digits);
        number.Exponent.ShouldBe(exponent);
    }

    [Theory]
    [InlineData("0.1", 1L)]
    [InlineData("1.50", 1L)]
    [InlineData("100", 0L)]
    [InlineData("1.0001", 4L)]
    [InlineData("12.3e-2", 3L)]
    public void FractionDigits_ShouldIgnoreTrailingZeros(string text, long expected)
    {
        ExactNumber.TryParse(text, out var number).ShouldBeTrue();

        number.FractionDigits.ShouldBe(expected);
    }

    [Fact]
    public void TryGetDecimal_ShouldAddExactly_WhereDoublesWouldNot()
    {
        ExactNumber.TryParse("0.1", out var a).ShouldBeTrue();
        ExactNumber.TryParse("0.2", out var b).ShouldBeTrue();
        a.TryGetDecimal(out var x).ShouldBeTrue();
        b.TryGetDecimal(out var y).ShouldBeTrue();

        (x + y).ShouldBe(0.3m);
    }

    [Fact]
    public void TryGetDecimal_ShouldHandleVeryLongInputWithoutHanging()
    {
        var text = "1" + new string('0', 100_000) + "e-100000";
        ExactNumber.TryParse(text, out var number).ShouldBeTrue();

        number.TryGetDecimal(out var value).ShouldBeTrue();
        value.ShouldBe(1m);
        number.TryGetInt64(out var integer).ShouldBeTrue();
        integer.ShouldBe(1L);
    }
}
