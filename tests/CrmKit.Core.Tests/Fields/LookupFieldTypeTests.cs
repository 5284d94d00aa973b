using CrmKit.Core.Fields.BuiltIn;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Tests.Fields;

public sealed class LookupFieldTypeTests
{
    private const string Canonical = "0195f2a4-7c1e-7d3a-9b4f-1c2d3e4f5a6b";

    private readonly LookupFieldType _type = new();

    [Theory]
    [InlineData(Canonical)]
    [InlineData("0195F2A4-7C1E-7D3A-9B4F-1C2D3E4F5A6B")]
    [InlineData("{0195f2a4-7c1e-7d3a-9b4f-1c2d3e4f5a6b}")]
    [InlineData("0195F2A47C1E7D3A9B4F1C2D3E4F5A6B")]
    public void Normalize_ShouldWriteGuidInLowerCaseHyphenatedForm(string input)
    {
        var context = _type.Normalize($"\"{input}\"");

        context.ShouldBeAccepted();
        context.StringValue().ShouldBe(Canonical);
    }

    [Theory]
    [InlineData("\"not-a-guid\"")]
    [InlineData("\"0195f2a4-7c1e-7d3a-9b4f\"")]
    [InlineData("\"(0195f2a4-7c1e-7d3a-9b4f-1c2d3e4f5a6b)\"")]
    [InlineData("12345")]
    public void Normalize_ShouldLeaveOtherValuesToTheSchema(string json)
    {
        var context = _type.Normalize(json);

        context.ShouldBeAccepted();
        context.Value.ToJsonString().ShouldBe(json);
    }

    [Fact]
    public void Descriptor_ShouldBeAReferenceWithUuidFormat()
    {
        _type.Descriptor.ValueKind.ShouldBe(FieldValueKind.Reference);
        _type.Descriptor.GetBaseSchema()["format"]!.GetValue<string>().ShouldBe("uuid");
    }
}
