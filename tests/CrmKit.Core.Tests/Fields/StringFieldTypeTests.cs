using System.Text.Json.Nodes;
using CrmKit.Core.Fields;
using CrmKit.Core.Fields.BuiltIn;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Tests.Fields;

public sealed class StringFieldTypeTests
{
    private readonly StringFieldType _type = new();

    [Theory]
    [InlineData("\"Acme\"")]
    [InlineData("\"  spaces are kept  \"")]
    [InlineData("\"ООО «Ромашка»\"")]
    [InlineData("\"emoji \\ud83d\\ude00 pair\"")]
    public void Normalize_ShouldKeepValue_WhenItHasNoControlCharacters(string json)
    {
        var context = _type.Normalize(json);

        context.ShouldBeAccepted();
        context.Value.ToJsonString().ShouldBe(JsonNode.Parse(json)!.ToJsonString());
    }

    [Theory]
    [InlineData("\"line\\nbreak\"")]
    [InlineData("\"carriage\\rreturn\"")]
    [InlineData("\"tab\\there\"")]
    [InlineData("\"nul\\u0000\"")]
    [InlineData("\"del\\u007f\"")]
    [InlineData("\"c1\\u0085\"")]
    public void Normalize_ShouldRefuseControlCharacters(string json)
    {
        _type.Normalize(json).ShouldBeRefusedWith(FieldErrorCodes.StringControlCharacters);
    }

    [Fact]
    public void Normalize_ShouldNamePositionAndCodePoint_WhenRefusingControlCharacter()
    {
        var error = _type.Normalize("\"ab\\ncd\"").Errors.ShouldHaveSingleItem();

        error.Message.Texts["en"].ShouldContain("U+000A");
        error.Message.Texts["en"].ShouldContain("position 3");
        error.Message.Texts["ru"].ShouldContain("позиции 3");
    }

    [Theory]
    [InlineData("\"lone \\ud800 high\"")]
    [InlineData("\"lone \\udc00 low\"")]
    [InlineData("\"ends high \\ud83d\"")]
    public void Normalize_ShouldRefuseUnpairedSurrogates(string json)
    {
        _type.Normalize(json).ShouldBeRefusedWith(FieldErrorCodes.StringInvalidUnicode);
    }

    [Fact]
    public void Normalize_ShouldRefuseUnpairedSurrogate_InValuesBuiltInCode()
    {
        var field = new FieldDefinition("name", "string", [], LocalizedText.Of("Name"), false);
        var context = new FieldValueContext(field, JsonValue.Create("broken \ud800")!, "/name");

        _type.Normalize(context);

        context.Errors.ShouldHaveSingleItem().Code.ShouldBe(FieldErrorCodes.StringInvalidUnicode);
    }

    [Fact]
    public void Descriptor_ShouldLimitLengthTo255()
    {
        _type.Descriptor.GetBaseSchema()["maxLength"]!.GetValue<int>().ShouldBe(255);
    }
}
