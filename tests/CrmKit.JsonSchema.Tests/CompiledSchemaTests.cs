using System.Text.Json.Nodes;

namespace CrmKit.JsonSchema.Tests;

public sealed partial class CompiledSchemaTests
{
    private readonly JsonSchemaCompiler _compiler = new();

    [Fact]
    public void Validate_ShouldCollectEveryViolation_WhenSeveralPropertiesFail()
    {
        var schema = _compiler.Compile("""
            {
              "type": "object",
              "required": ["name", "email", "phone"],
              "properties": {
                "name": {"type": "string", "maxLength": 3},
                "age": {"type": "integer", "minimum": 18},
                "email": {"type": "string", "format": "email"},
                "phone": {"type": "string"}
              }
            }
            """);
        var instance = JsonNode.Parse("""{"name": "Alexander", "age": 12.5, "email": "not-an-email"}""");

        var violations = new List<SchemaViolation>();
        schema.Validate(instance, violations);

        violations.ShouldBe(
            [
                new SchemaViolation("/phone", "required", "phone"),
                new SchemaViolation("/name", "maxLength", 3L),
                new SchemaViolation("/age", "type", "integer"),
                new SchemaViolation("/age", "minimum", 18m),
                new SchemaViolation("/email", "format", "email"),
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void Validate_ShouldEscapePointers_WhenNamesContainSlashOrTilde()
    {
        var schema = _compiler.Compile("""
            {
              "properties": {"a/b~c": {"type": "string"}, "tags": {"items": {"maxLength": 2}}},
              "required": ["x~/y"],
              "additionalProperties": false
            }
            """);
        var instance = JsonNode.Parse("""{"a/b~c": 1, "tags": ["ok", "too long"], "~extra": true}""");

        var violations = new List<SchemaViolation>();
        schema.Validate(instance, violations, "/customer");

        violations.ShouldBe(
            [
                new SchemaViolation("/customer/x~0~1y", "required", "x~/y"),
                new SchemaViolation("/customer/a~1b~0c", "type", "string"),
                new SchemaViolation("/customer/tags/1", "maxLength", 2L),
                new SchemaViolation("/customer/~0extra", "additionalProperties", false),
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void Validate_ShouldReportLimits_WhenKeywordsFail()
    {
        var schema = _compiler.Compile("""
            {
              "type": ["integer", "null"],
              "enum": [1, 2, null],
              "exclusiveMaximum": 2,
              "multipleOf": 0.5
            }
            """);

        Violations(schema, "\"x\"").ShouldBe(
            [new SchemaViolation("", "type", "integer, null"), new SchemaViolation("", "enum", "[1,2,null]")],
            ignoreOrder: true);
        Violations(schema, "2.0").ShouldBe([new SchemaViolation("", "exclusiveMaximum", 2m)]);
        Violations(_compiler.Compile("""{"pattern": "^[a-z]+$", "minLength": 3}"""), "\"A\"").ShouldBe(
            [new SchemaViolation("", "minLength", 3L), new SchemaViolation("", "pattern", "^[a-z]+$")],
            ignoreOrder: true);
        Violations(_compiler.Compile("""{"const": {"a": 1}}"""), "{}").ShouldBe([new SchemaViolation("", "const", """{"a":1}""")]);
        Violations(_compiler.Compile("""{"maximum": 1e300}"""), "1e301").ShouldBe([new SchemaViolation("", "maximum", 1e300)]);
    }

    [Fact]
    public void Validate_ShouldReportItemsAndUniqueness_WhenArrayFails()
    {
        var schema = _compiler.Compile("""{"items": false, "minItems": 3, "uniqueItems": true}""");

        Violations(schema, "[1, 1.0]").ShouldBe(
            [
                new SchemaViolation("", "minItems", 3L),
                new SchemaViolation("/0", "items", false),
                new SchemaViolation("/1", "items", false),
                new SchemaViolation("", "uniqueItems", true),
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void Validate_ShouldReportFalse_WhenRootSchemaIsFalse()
    {
        var schema = _compiler.Compile("false");

        schema.IsValid(null).ShouldBeFalse();
        Violations(schema, "{}").ShouldBe([new SchemaViolation("", "false", null)]);
    }

    [Theory]
    [InlineData("""{"maxLength": 1}""", "\"💩\"", true)]
    [InlineData("""{"minLength": 2}""", "\"💩\"", false)]
    [InlineData("""{"minLength": 2, "maxLength": 2}""", "\"💩💩\"", true)]
    [InlineData("""{"maxLength": 3}""", "\"日本語\"", true)]
    public void IsValid_ShouldCountCodePoints_WhenStringHasSurrogatePairs(string schemaJson, string instance, bool expected)
    {
        _compiler.Compile(schemaJson).IsValid(JsonNode.Parse(instance)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"const": {"a": 1, "b": [1.0, "x"]}}""", """{"b": [1, "x"], "a": 1.0}""", true)]
    [InlineData("""{"const": {"a": 1}}""", """{"a": 1, "b": null}""", false)]
    [InlineData("""{"const": 1}""", "true", false)]
    [InlineData("""{"enum": [0, "a"]}""", "false", false)]
    [InlineData("""{"enum": [[1, 2], {"k": null}]}""", """{"k": null}""", true)]
    [InlineData("""{"enum": []}""", "null", false)]
    public void IsValid_ShouldUseJsonEquality_WhenComparingEnumAndConst(string schemaJson, string instance, bool expected)
    {
        _compiler.Compile(schemaJson).IsValid(JsonNode.Parse(instance)).ShouldBe(expected);
    }

    [Fact]
    public void IsValid_ShouldFindDuplicates_WhenArrayIsLarge()
    {
        var schema = _compiler.Compile("""{"uniqueItems": true}""");
        var distinct = new JsonArray([.. Enumerable.Range(0, 50).Select(i => JsonValue.Create(i))]);
        var duplicated = JsonNode.Parse($"[{string.Join(",", Enumerable.Range(0, 50))}, 25.0]");
        var objects = JsonNode.Parse(
            "[" + string.Join(",", Enumerable.Range(0, 20).Select(i => $$"""{"a":{{i}},"b":1}""")) + """, {"b":1.0,"a":7}]""");

        schema.IsValid(distinct).ShouldBeTrue();
        schema.IsValid(duplicated).ShouldBeFalse();
        schema.IsValid(objects).ShouldBeFalse();
    }

    [Theory]
    [InlineData("^\\d+$", "123", true)]
    [InlineData("^\\d+$", "١٢٣", false)]
    [InlineData("^\\w+$", "é", false)]
    [InlineData("^a$", "a\n", false)]
    [InlineData("^.$", "💩", true)]
    [InlineData("^🐲*$", "🐲🐲", true)]
    [InlineData("^\\p{Lu}", "Élan", true)]
    [InlineData("^\\p{Letter}+$", "π", true)]
    [InlineData("^\\u{1F4A9}$", "💩", true)]
    [InlineData("^[^]$", "\n", true)]
    public void IsValid_ShouldFollowEcmaScript_WhenMatchingPatterns(string pattern, string instance, bool expected)
    {
        var schema = _compiler.Compile(new JsonObject { ["pattern"] = pattern }.ToJsonString());

        schema.IsValid(JsonValue.Create(instance)).ShouldBe(expected);
    }

    [Fact]
    public void IsValid_ShouldFailAssertion_WhenPatternMatchTimesOut()
    {
        var compiler = new JsonSchemaCompiler(new JsonSchemaCompilerOptions { PatternMatchTimeout = TimeSpan.FromMilliseconds(1) });
        var schema = compiler.Compile("""{"pattern": "^(a|aa)+(b|c)+$"}""");

        schema.IsValid(JsonValue.Create(new string('a', 5000) + "!")).ShouldBeFalse();
    }

    [Fact]
    public void GetProperty_ShouldReturnCompiledSubschema_WhenPropertyIsDeclared()
    {
        var schema = _compiler.Compile("""
            {"required": ["email"], "properties": {"email": {"type": "string", "format": "email"}}}
            """);

        var email = schema.GetProperty("email");

        email.ShouldNotBeNull();
        email.IsValid(JsonValue.Create("joe@example.com")).ShouldBeTrue();
        email.IsValid(JsonValue.Create("joe")).ShouldBeFalse();
        schema.GetProperty("Email").ShouldBeNull();
        schema.Required.ShouldBe(["email"]);
        email.Required.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_ShouldNeverHitNewtonsoftLicenceCap_WhenValidatingThousandsOfValues()
    {
        // Newtonsoft.Json.Schema's own validator throws after 1,000 validations an hour without a licence.
        var schema = _compiler.Compile("""
            {"type": "object", "properties": {"n": {"type": "integer", "maximum": 2500}, "s": {"maxLength": 3}}}
            """);
        var violations = new List<SchemaViolation>();
        var valid = 0;

        for (var i = 0; i < 5_000; i++)
        {
            var instance = new JsonObject { ["n"] = i, ["s"] = "abc" };
            valid += schema.IsValid(instance) ? 1 : 0;
            schema.Validate(instance, violations);
        }

        valid.ShouldBe(2_501);
        violations.Count.ShouldBe(2_499);
    }

    [Fact]
    public void IsValid_ShouldNotAllocate_WhenInstanceIsValid()
    {
        var schema = _compiler.Compile("""
            {
              "type": "object",
              "required": ["amount"],
              "properties": {"amount": {"type": "number", "maximum": 1000, "multipleOf": 0.01}, "name": {"maxLength": 10}},
              "additionalProperties": {"type": "boolean"}
            }
            """);
        var parsed = JsonNode.Parse("""{"amount": 12.34, "flag": true}""");
        var built = new JsonObject { ["amount"] = 12.34m, ["name"] = "Ann", ["flag"] = false };
        var violations = new List<SchemaViolation>();
        schema.IsValid(parsed).ShouldBeTrue();
        schema.IsValid(built).ShouldBeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            schema.IsValid(parsed);
            schema.IsValid(built);
            schema.Validate(built, violations);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        violations.ShouldBeEmpty();
    }

    [Fact]
    public void IsValid_ShouldBeThreadSafe_WhenSharedAcrossThreads()
    {
        var schema = _compiler.Compile("""
            {"enum": [{"a": [1, {"b": 2}]}, {"c": 3}], "uniqueItems": true}
            """);
        var matching = JsonNode.Parse("""{"a": [1.0, {"b": 2}]}""");
        var results = new bool[1_000];

        Parallel.For(0, results.Length, i => results[i] = schema.IsValid(i % 2 == 0 ? matching : JsonValue.Create(i)));

        results.Where((_, i) => i % 2 == 0).ShouldAllBe(valid => valid);
        results.Where((_, i) => i % 2 == 1).ShouldAllBe(valid => !valid);
    }

    private static List<SchemaViolation> Violations(CompiledSchema schema, string instance)
    {
        var violations = new List<SchemaViolation>();
        schema.Validate(JsonNode.Parse(instance), violations);
        return violations;
    }
}
