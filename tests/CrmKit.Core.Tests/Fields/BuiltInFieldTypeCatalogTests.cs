using System.Text.Json.Nodes;
using CrmKit.Core.Fields;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Tests.Fields;

public sealed class BuiltInFieldTypeCatalogTests
{
    private static readonly string[] Names =
        typeof(BuiltInFieldTypes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToArray();

    public static TheoryData<string> TypeNames { get; } = new(Names);

    public static TheoryData<string, string> WrongKinds
    {
        get
        {
            var data = new TheoryData<string, string>();
            string[] values = ["true", "12.5", "\"text\"", "[1, 2]", """{"a": 1}"""];
            foreach (var name in Names)
            {
                foreach (var value in values)
                {
                    data.Add(name, value);
                }
            }

            return data;
        }
    }

    [Fact]
    public void All_ShouldHoldOneInstanceOfEveryBuiltInType()
    {
        BuiltInFieldTypeCatalog.All.Select(t => t.Descriptor.Name)
            .ShouldBe(Names);
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Descriptor_ShouldHaveEnglishAndRussianDisplayNames(string name)
    {
        var descriptor = Find(name).Descriptor;

        descriptor.DisplayName.Texts.Keys.ShouldBe(["en", "ru"], ignoreOrder: true);
        descriptor.DisplayName.Texts["en"].ShouldNotBeNullOrWhiteSpace();
        descriptor.DisplayName.Texts["ru"].ShouldNotBeNullOrWhiteSpace();
        descriptor.DisplayName.Texts["en"].ShouldNotStartWith("Type_");
    }

    [Theory]
    [InlineData(BuiltInFieldTypes.String, FieldValueKind.Text, """{"type":"string","maxLength":255}""")]
    [InlineData(BuiltInFieldTypes.Text, FieldValueKind.Text, """{"type":"string","maxLength":100000}""")]
    [InlineData(BuiltInFieldTypes.Integer, FieldValueKind.Integer, """{"type":"integer"}""")]
    [InlineData(BuiltInFieldTypes.Decimal, FieldValueKind.Decimal, """{"type":"number"}""")]
    [InlineData(BuiltInFieldTypes.Money, FieldValueKind.Money, """{"type":"object","properties":{"amount":{"type":"number"},"currency":{"type":"string","pattern":"^[A-Z]{3}$"}},"required":["amount","currency"],"additionalProperties":false}""")]
    [InlineData(BuiltInFieldTypes.Boolean, FieldValueKind.Boolean, """{"type":"boolean"}""")]
    [InlineData(BuiltInFieldTypes.Date, FieldValueKind.Date, """{"type":"string","format":"date"}""")]
    [InlineData(BuiltInFieldTypes.DateTime, FieldValueKind.DateTime, """{"type":"string","format":"date-time"}""")]
    [InlineData(BuiltInFieldTypes.Email, FieldValueKind.Text, """{"type":"string","format":"email","maxLength":254}""")]
    [InlineData(BuiltInFieldTypes.Phone, FieldValueKind.Text, """{"type":"string","maxLength":32}""")]
    [InlineData(BuiltInFieldTypes.Url, FieldValueKind.Text, """{"type":"string","format":"uri","maxLength":2048}""")]
    [InlineData(BuiltInFieldTypes.Enum, FieldValueKind.Text, """{"type":"string"}""")]
    [InlineData(BuiltInFieldTypes.MultiEnum, FieldValueKind.TextArray, """{"type":"array","items":{"type":"string"},"uniqueItems":true}""")]
    [InlineData(BuiltInFieldTypes.Lookup, FieldValueKind.Reference, """{"type":"string","format":"uuid"}""")]
    [InlineData(BuiltInFieldTypes.Json, FieldValueKind.Json, "{}")]
    public void Descriptor_ShouldDeclareValueKindAndBaseSchema(string name, FieldValueKind kind, string schema)
    {
        var descriptor = Find(name).Descriptor;

        descriptor.ValueKind.ShouldBe(kind);
        JsonNode.DeepEquals(descriptor.GetBaseSchema(), JsonNode.Parse(schema)).ShouldBeTrue(
            descriptor.GetBaseSchema().ToJsonString());
    }

    [Theory]
    [MemberData(nameof(WrongKinds))]
    public void Normalize_ShouldNeverThrow_AndLeaveValuesOfAnotherKindAlone(string name, string json)
    {
        var type = Find(name);
        var context = type.Normalize(json);

        if (context.Errors.Count == 0 && JsonNode.DeepEquals(context.Value, JsonNode.Parse(json)))
        {
            return;
        }

        // Only values of the type's own JSON kind may be changed or refused.
        var baseType = type.Descriptor.GetBaseSchema()["type"]?.GetValue<string>();
        var kind = JsonNode.Parse(json)!.GetValueKind().ToString().ToLowerInvariant();
        var ownKind = baseType switch
        {
            "integer" or "number" => kind == "number",
            "string" => kind == "string",
            "object" => kind == "object",
            "array" => kind == "array",
            _ => false,
        };
        ownKind.ShouldBeTrue($"{name} changed or refused {json}");
    }

    [Theory]
    [InlineData(BuiltInFieldTypes.Boolean, "true")]
    [InlineData(BuiltInFieldTypes.Date, "\"2026-01-15\"")]
    [InlineData(BuiltInFieldTypes.Enum, "\"won\"")]
    [InlineData(BuiltInFieldTypes.MultiEnum, """["vip", "partner"]""")]
    [InlineData(BuiltInFieldTypes.Json, """{"nested": [1, 2.50, null, "x"]}""")]
    public void Normalize_ShouldLeaveSchemaOnlyTypesUnchanged(string name, string json)
    {
        var context = Find(name).Normalize(json);

        context.ShouldBeAccepted();
        context.Value.ToJsonString().ShouldBe(JsonNode.Parse(json)!.ToJsonString());
    }

    [Fact]
    public void Create_ShouldUseGivenPhoneRegion()
    {
        var phone = BuiltInFieldTypeCatalog.Create("BY").Single(t => t.Descriptor.Name == BuiltInFieldTypes.Phone);

        phone.Normalize("\"8 029 123-45-67\"").StringValue().ShouldBe("+375291234567");
    }

    private static IFieldType Find(string name) => BuiltInFieldTypeCatalog.All.Single(t => t.Descriptor.Name == name);
}
