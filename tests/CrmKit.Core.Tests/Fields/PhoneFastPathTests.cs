using CrmKit.Core.Fields.BuiltIn;
using PhoneNumbers;

namespace CrmKit.Core.Tests.Fields;

/// <summary>The fast path must agree with libphonenumber's full parser on everything it accepts.</summary>
public sealed class PhoneFastPathTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [Theory]
    [InlineData("RU", "8 (916) 123-45-67")]
    [InlineData("RU", "+7 916 123 45 67")]
    [InlineData("RU", "89161234567")]
    [InlineData("RU", "9161234567")]
    [InlineData("RU", "8 800 555-35-35")]
    [InlineData("RU", "8 (812) 123-45-67")]
    [InlineData("RU", "812 123 45 67")]
    [InlineData("RU", "79161234567")]
    [InlineData("RU", "+1 650 253 0000")]
    [InlineData("RU", "+44 20 7946 0958")]
    [InlineData("RU", "+39 06 6982 1234")]
    [InlineData("RU", "+375 29 123-45-67")]
    [InlineData("RU", "+7 (727) 250-00-00")]
    [InlineData("KZ", "8 (727) 250-00-00")]
    [InlineData("KZ", "8 701 123 45 67")]
    [InlineData("US", "(650) 253-0000")]
    [InlineData("US", "1 650 253 0000")]
    [InlineData("DE", "030 123456")]
    [InlineData("RU", "+7 000 000 00 00")]
    [InlineData("RU", "123")]
    public void FastPath_ShouldAgreeWithFullParser(string region, string input)
    {
        var type = new PhoneFieldType(region);

        var fast = type.TryFastNormalize(input, out var e164);

        string? expected = null;
        try
        {
            var parsed = Util.Parse(input, region);
            if (Util.IsValidNumber(parsed) && !parsed.HasExtension)
            {
                expected = Util.Format(parsed, PhoneNumberFormat.E164);
            }
        }
        catch (NumberParseException)
        {
        }

        if (fast)
        {
            e164.ShouldBe(expected, $"fast path accepted {input} differently");
        }
    }

    [Fact]
    public void FastPath_ShouldTakeTheCommonRussianForms()
    {
        var type = new PhoneFieldType("RU");

        type.TryFastNormalize("8 (916) 123-45-67", out var national).ShouldBeTrue();
        type.TryFastNormalize("+7 916 123 45 67", out var international).ShouldBeTrue();

        national.ShouldBe("+79161234567");
        international.ShouldBe("+79161234567");
    }
}
