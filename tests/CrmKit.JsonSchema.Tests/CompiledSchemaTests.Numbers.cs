using System.Text.Json.Nodes;

namespace CrmKit.JsonSchema.Tests;

/// <summary>Exact numbers and values built in code (CLR-backed <see cref="JsonValue"/>s).</summary>
public sealed partial class CompiledSchemaTests
{
    [Fact]
    public void IsValid_ShouldCompareExactly_WhenMaximumHasMoreDigitsThanDouble()
    {
        var schema = _compiler.Compile("""{"type": "number", "maximum": 12345678901234.56}""");

        schema.IsValid(JsonNode.Parse("12345678901234.56")).ShouldBeTrue();
        schema.IsValid(JsonValue.Create(12345678901234.56m)).ShouldBeTrue();
        schema.IsValid(JsonNode.Parse("12345678901234.57")).ShouldBeFalse();
        schema.IsValid(JsonValue.Create(12345678901234.57m)).ShouldBeFalse();
        schema.IsValid(JsonNode.Parse("12345678901234.5601")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("0.30", true)]
    [InlineData("0.3", true)]
    [InlineData("19.99", true)]
    [InlineData("12345678901234.56", true)]
    [InlineData("0.301", false)]
    [InlineData("0.001", false)]
    public void IsValid_ShouldUseDecimalRemainder_WhenMultipleOfIsACent(string instance, bool expected)
    {
        var schema = _compiler.Compile("""{"multipleOf": 0.01}""");

        schema.IsValid(JsonNode.Parse(instance)).ShouldBe(expected);
    }

    [Fact]
    public void IsValid_ShouldTreatCodeBuiltDoublesAsTheirLiteral_WhenSumIsInexact()
    {
        var cents = _compiler.Compile("""{"multipleOf": 0.01}""");
        var tenths = _compiler.Compile("""{"multipleOf": 0.1}""");

        cents.IsValid(JsonValue.Create(0.1 + 0.2)).ShouldBeTrue();
        tenths.IsValid(JsonNode.Parse("0.3")).ShouldBeTrue();
        tenths.IsValid(JsonValue.Create(0.1m + 0.2m)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"type": "integer", "multipleOf": 0.123456789}""", "1e308")]
    [InlineData("""{"multipleOf": 0.123456789}""", "1e308")]
    [InlineData("""{"multipleOf": 0.0000000000000000000000000001}""", "79228162514264337593543950335")]
    [InlineData("""{"multipleOf": 1e-300}""", "1e300")]
    [InlineData("""{"maximum": 5}""", "1e400")]
    [InlineData("""{"minimum": -1e400, "maximum": 1e308}""", "-1e308")]
    public void Validate_ShouldNotThrow_WhenNumbersOverflowDecimal(string schemaJson, string instance)
    {
        var schema = _compiler.Compile(schemaJson);
        var node = JsonNode.Parse(instance);

        var isValid = schema.IsValid(node);
        var violations = new List<SchemaViolation>();
        schema.Validate(node, violations);

        violations.Count.ShouldBe(isValid ? 0 : violations.Count);
        (violations.Count == 0).ShouldBe(isValid);
    }

    [Fact]
    public void IsValid_ShouldRejectHugeNumber_WhenQuotientOverflows()
    {
        var schema = _compiler.Compile("""{"type": "integer", "multipleOf": 0.123456789}""");

        schema.IsValid(JsonNode.Parse("1e308")).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_ShouldReadClrValues_WhenNodesAreBuiltInCode()
    {
        var integer = _compiler.Compile("""{"type": "integer", "minimum": 1, "maximum": 10}""");
        var money = _compiler.Compile("""{"type": "number", "multipleOf": 0.01, "maximum": 100}""");
        var text = _compiler.Compile("""{"type": "string", "maxLength": 3, "enum": ["abc", "x"]}""");
        var flag = _compiler.Compile("""{"type": "boolean", "const": true}""");

        integer.IsValid(JsonValue.Create(5L)).ShouldBeTrue();
        integer.IsValid(JsonValue.Create(5)).ShouldBeTrue();
        integer.IsValid(JsonValue.Create(5.0)).ShouldBeTrue();
        integer.IsValid(JsonValue.Create(5.0m)).ShouldBeTrue();
        integer.IsValid(JsonValue.Create((short)5)).ShouldBeTrue();
        integer.IsValid(JsonValue.Create(5.5m)).ShouldBeFalse();
        integer.IsValid(JsonValue.Create(11UL)).ShouldBeFalse();
        integer.IsValid(JsonValue.Create("5")).ShouldBeFalse();
        money.IsValid(JsonValue.Create(1.5m)).ShouldBeTrue();
        money.IsValid(JsonValue.Create(99.99f)).ShouldBeTrue();
        money.IsValid(JsonValue.Create(1.505m)).ShouldBeFalse();
        text.IsValid(JsonValue.Create("x")).ShouldBeTrue();
        text.IsValid(JsonValue.Create('x')).ShouldBeTrue();
        text.IsValid(JsonValue.Create("y")).ShouldBeFalse();
        flag.IsValid(JsonValue.Create(true)).ShouldBeTrue();
        flag.IsValid(JsonValue.Create(false)).ShouldBeFalse();
        flag.IsValid(JsonValue.Create(1)).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_ShouldValidateObjectsBuiltInCode_WhenValuesAreClrBacked()
    {
        var schema = _compiler.Compile("""
            {"type": "object", "required": ["id"], "properties": {"id": {"format": "uuid"}, "total": {"maximum": 10.5}}}
            """);

        schema.IsValid(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["total"] = 10.5m }).ShouldBeTrue();
        schema.IsValid(new JsonObject { ["id"] = "nope", ["total"] = 10.5m }).ShouldBeFalse();
        schema.IsValid(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["total"] = 10.51m }).ShouldBeFalse();
        schema.IsValid(new JsonObject { ["total"] = 1 }).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_ShouldReadContainers_WhenJsonValueWrapsClrObjects()
    {
        var schema = _compiler.Compile("""
            {"properties": {"tags": {"items": {"type": "integer"}, "uniqueItems": true}}, "enum": [{"tags": [1, 2]}, {"tags": [3]}]}
            """);
        var tagsOnly = _compiler.Compile("""{"items": {"type": "integer"}, "uniqueItems": true}""");

        schema.IsValid(JsonValue.Create(new { tags = new[] { 2, 1 } })).ShouldBeFalse();
        schema.IsValid(JsonValue.Create(new { tags = new[] { 1m, 2.0m } })).ShouldBeTrue();
        tagsOnly.IsValid(JsonValue.Create(new[] { 1, 2 })).ShouldBeTrue();
        tagsOnly.IsValid(JsonValue.Create(new[] { 1, 1 })).ShouldBeFalse();
        Violations(schema, """{"tags": ["x", "x"]}""").Select(v => $"{v.Pointer} {v.Keyword}").ShouldBe(
            ["/tags/0 type", "/tags/1 type", "/tags uniqueItems", " enum"],
            ignoreOrder: true);
    }
}
