using CrmKit.Core.Fields;
using CrmKit.Core.Fields.BuiltIn;

namespace CrmKit.Core.Tests.Fields;

public sealed class TextFieldTypeTests
{
    private readonly TextFieldType _type = new();

    [Fact]
    public void Normalize_ShouldAllowTabsAndLineBreaks()
    {
        var context = _type.Normalize("\"first line\\r\\nsecond\\tline\\n\"");

        context.ShouldBeAccepted();
        context.StringValue().ShouldBe("first line\r\nsecond\tline\n");
    }

    [Theory]
    [InlineData("\"bell\\u0007\"")]
    [InlineData("\"escape\\u001b[31m\"")]
    [InlineData("\"vertical tab\\u000b\"")]
    [InlineData("\"form feed\\f\"")]
    [InlineData("\"backspace\\b\"")]
    public void Normalize_ShouldRefuseOtherControlCharacters(string json)
    {
        _type.Normalize(json).ShouldBeRefusedWith(FieldErrorCodes.TextControlCharacters);
    }

    [Fact]
    public void Normalize_ShouldRefuseUnpairedSurrogate()
    {
        _type.Normalize("\"\\udfff\"").ShouldBeRefusedWith(FieldErrorCodes.TextInvalidUnicode);
    }

    [Fact]
    public void Descriptor_ShouldLimitLengthTo100000()
    {
        _type.Descriptor.GetBaseSchema()["maxLength"]!.GetValue<int>().ShouldBe(100_000);
    }
}
