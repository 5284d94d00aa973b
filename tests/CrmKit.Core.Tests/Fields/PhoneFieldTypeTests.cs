using CrmKit.Core.Fields;
using CrmKit.Core.Fields.BuiltIn;

namespace CrmKit.Core.Tests.Fields;

public sealed class PhoneFieldTypeTests
{
    private readonly PhoneFieldType _type = new();

    [Theory]
    [InlineData("8 (916) 123-45-67", "+79161234567")]
    [InlineData("+7 916 123 45 67", "+79161234567")]
    [InlineData("79161234567", "+79161234567")]
    [InlineData("(495) 123-45-67", "+74951234567")]
    [InlineData("+79161234567", "+79161234567")]
    public void Normalize_ShouldConvertRussianNumbersToE164(string input, string expected)
    {
        var context = _type.Normalize($"\"{input}\"");

        context.ShouldBeAccepted();
        context.StringValue().ShouldBe(expected);
    }

    [Theory]
    [InlineData("+1 650 253 0000", "+16502530000")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+49 30 901820", "+4930901820")]
    [InlineData("+7 727 258 3434", "+77272583434")]
    [InlineData("+375 29 123-45-67", "+375291234567")]
    public void Normalize_ShouldConvertInternationalNumbersToE164(string input, string expected)
    {
        var context = _type.Normalize($"\"{input}\"");

        context.ShouldBeAccepted();
        context.StringValue().ShouldBe(expected);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("not a phone")]
    [InlineData("+7 000 000 00 00")]
    [InlineData("8 (916) 123-45")]
    [InlineData("")]
    [InlineData("+999 123 456 789")]
    public void Normalize_ShouldRefuseInvalidNumbers(string input)
    {
        _type.Normalize($"\"{input}\"").ShouldBeRefusedWith(FieldErrorCodes.PhoneInvalid);
    }

    [Fact]
    public void Normalize_ShouldRefuseExtensions()
    {
        _type.Normalize("\"+7 495 123-45-67 ext. 123\"")
            .ShouldBeRefusedWith(FieldErrorCodes.PhoneExtensionNotSupported);
    }

    [Fact]
    public void Normalize_ShouldReadNationalNumbersInConfiguredRegion()
    {
        var kazakhstan = new PhoneFieldType("kz");
        var context = kazakhstan.Normalize("\"8 (727) 258-34-34\"");

        kazakhstan.DefaultRegion.ShouldBe("KZ");
        context.ShouldBeAccepted();
        context.StringValue().ShouldBe("+77272583434");
    }

    [Fact]
    public void Normalize_ShouldReadNationalNumbersInRussiaByDefault()
    {
        _type.DefaultRegion.ShouldBe("RU");
    }

    [Fact]
    public void Constructor_ShouldRefuseUnknownRegion()
    {
        Should.Throw<ArgumentException>(() => new PhoneFieldType("XX")).Message.ShouldContain("XX");
    }

    [Fact]
    public void Normalize_ShouldLeaveNumbersToTheSchema()
    {
        var context = _type.Normalize("79161234567");

        context.ShouldBeAccepted();
        context.NumberText().ShouldBe("79161234567");
    }
}
