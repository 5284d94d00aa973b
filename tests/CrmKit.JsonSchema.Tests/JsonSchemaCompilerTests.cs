using System.Reflection;
using System.Text.Json.Nodes;

namespace CrmKit.JsonSchema.Tests;

public sealed class JsonSchemaCompilerTests
{
    private readonly JsonSchemaCompiler _compiler = new();

    [Theory]
    [InlineData("""{"properties": {"a": {"allOf": []}}}""", "allOf", "/properties/a")]
    [InlineData("""{"$ref": "#/$defs/x", "$defs": {"x": {}}}""", "$ref", "")]
    [InlineData("""{"type": "object", "patternProperties": {"^x": {}}}""", "patternProperties", "")]
    [InlineData("""{"items": {"if": {}, "then": {}}}""", "if", "/items")]
    [InlineData("""{"additionalProperties": {"not": {}}}""", "not", "/additionalProperties")]
    [InlineData("""{"properties": {"a/b~c": {"minProperties": 1}}}""", "minProperties", "/properties/a~1b~0c")]
    [InlineData("""{"properties": {"a": {"properties": {"b": {"unevaluatedProperties": false}}}}}""", "unevaluatedProperties", "/properties/a/properties/b")]
    [InlineData("""{"prefixItems": [{}]}""", "prefixItems", "")]
    [InlineData("""{"contains": {}}""", "contains", "")]
    [InlineData("""{"Type": "string"}""", "Type", "")]
    public void Compile_ShouldRefuse_WhenKeywordUnsupported(string schemaJson, string keyword, string pointer)
    {
        var exception = Should.Throw<SchemaDefinitionException>(() => _compiler.Compile(schemaJson));

        exception.Code.ShouldBe(SchemaErrorCodes.UnsupportedKeyword);
        exception.Keyword.ShouldBe(keyword);
        exception.Pointer.ShouldBe(pointer);
        exception.Message.ShouldContain(keyword);
    }

    [Theory]
    [InlineData("""{"format": "ipv4"}""", "")]
    [InlineData("""{"properties": {"site": {"type": "string", "format": "hostname"}}}""", "/properties/site")]
    public void Compile_ShouldRefuse_WhenFormatUnsupported(string schemaJson, string pointer)
    {
        var exception = Should.Throw<SchemaDefinitionException>(() => _compiler.Compile(schemaJson));

        exception.Code.ShouldBe(SchemaErrorCodes.UnsupportedFormat);
        exception.Keyword.ShouldBe("format");
        exception.Pointer.ShouldBe(pointer);
    }

    [Fact]
    public void Compile_ShouldIgnoreExtensionsAndAnnotations_WhenSchemaCarriesCrmMetadata()
    {
        var schema = _compiler.Compile("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://crmkit.dev/schemas/contact",
              "$comment": "a contact",
              "title": "Contact",
              "description": "A person",
              "x-crm-entity": {"allOf": [], "$ref": "#/nowhere"},
              "properties": {
                "name": {
                  "type": "string",
                  "maxLength": 5,
                  "default": {"$ref": "#/x"},
                  "examples": ["Ann"],
                  "readOnly": false,
                  "writeOnly": false,
                  "deprecated": true,
                  "x-crm-label": {"en": "Name", "ru": "Имя"},
                  "x-crm-field-type": "text"
                }
              }
            }
            """);

        schema.IsValid(JsonNode.Parse("""{"name": "Ann"}""")).ShouldBeTrue();
        schema.IsValid(JsonNode.Parse("""{"name": "Annabel"}""")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"minLength": -1}""", "minLength", "")]
    [InlineData("""{"maxItems": -3}""", "maxItems", "")]
    [InlineData("""{"minLength": 1.5}""", "minLength", "")]
    [InlineData("""{"type": 5}""", "type", "")]
    [InlineData("""{"type": "text"}""", "type", "")]
    [InlineData("""{"type": []}""", "type", "")]
    [InlineData("""{"type": ["string", "string"]}""", "type", "")]
    [InlineData("""{"properties": {"a": {"maxLength": "x"}}}""", "maxLength", "/properties/a")]
    [InlineData("""{"properties": {"a.b": {"uniqueItems": 1}}}""", "uniqueItems", "/properties/a.b")]
    [InlineData("""{"items": {"required": "a"}}""", "required", "/items")]
    [InlineData("""{"multipleOf": 0}""", "multipleOf", "")]
    [InlineData("""{"multipleOf": -0.5}""", "multipleOf", "")]
    [InlineData("""{"minimum": "1"}""", "minimum", "")]
    [InlineData("""{"exclusiveMaximum": true}""", "exclusiveMaximum", "")]
    [InlineData("""{"pattern": "("}""", "pattern", "")]
    [InlineData("""{"enum": 5}""", "enum", "")]
    [InlineData("""{"items": [{}]}""", "items", "")]
    [InlineData("""{"properties": 5}""", "properties", "")]
    [InlineData("""{"properties": {"a": 5}}""", "", "/properties/a")]
    [InlineData("""{"format": 5}""", "format", "")]
    public void Compile_ShouldRefuseAsInvalid_WhenKeywordValueIsMalformed(string schemaJson, string keyword, string pointer)
    {
        var exception = Should.Throw<SchemaDefinitionException>(() => _compiler.Compile(schemaJson));

        exception.Code.ShouldBe(SchemaErrorCodes.Invalid);
        exception.Keyword.ShouldBe(keyword);
        exception.Pointer.ShouldBe(pointer);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("5")]
    [InlineData("\"string\"")]
    [InlineData("""{"type": "string", "type": "number"}""")]
    [InlineData("""{"type": "string"} // comment""")]
    public void Compile_ShouldRefuseAsInvalid_WhenTextIsNotASchema(string schemaJson)
    {
        var exception = Should.Throw<SchemaDefinitionException>(() => _compiler.Compile(schemaJson));

        exception.Code.ShouldBe(SchemaErrorCodes.Invalid);
    }

    [Fact]
    public void Compile_ShouldRefuse_WhenNestingExceedsMaxDepth()
    {
        var compiler = new JsonSchemaCompiler(new JsonSchemaCompilerOptions { MaxDepth = 2 });

        compiler.Compile("""{"properties": {"a": {"items": {"type": "string"}}}}""").ShouldNotBeNull();
        var exception = Should.Throw<SchemaDefinitionException>(
            () => compiler.Compile("""{"properties": {"a": {"items": {"additionalProperties": {}}}}}"""));

        exception.Code.ShouldBe(SchemaErrorCodes.TooDeep);
        exception.Pointer.ShouldBe("/properties/a/items/additionalProperties");
    }

    [Fact]
    public void Compile_ShouldAcceptDefaultDepth_WhenSchemaNestsThirtyTwoLevels()
    {
        var deepest = "{\"type\": \"string\"}";
        for (var i = 0; i < 32; i++)
        {
            deepest = """{"properties": {"p": """ + deepest + "}}";
        }

        var schema = _compiler.Compile(deepest);
        var tooDeep = Should.Throw<SchemaDefinitionException>(() => _compiler.Compile("""{"items": """ + deepest + "}"));

        schema.ShouldNotBeNull();
        tooDeep.Code.ShouldBe(SchemaErrorCodes.TooDeep);
    }

    [Fact]
    public void Compile_ShouldApplyDraft202012Semantics_WhenSchemaDeclaresAnOlderDraft()
    {
        var schema = _compiler.Compile("""{"$schema": "http://json-schema.org/draft-07/schema#", "exclusiveMinimum": 5}""");

        schema.IsValid(JsonNode.Parse("5")).ShouldBeFalse();
        schema.IsValid(JsonNode.Parse("5.5")).ShouldBeTrue();
    }

    [Fact]
    public void Compile_ShouldAcceptBooleanSchemas_WhenUsedAnywhere()
    {
        var schema = _compiler.Compile("""{"properties": {"any": true, "none": false}, "items": true}""");

        _compiler.Compile("true").IsValid(JsonNode.Parse("""{"x": [1]}""")).ShouldBeTrue();
        schema.IsValid(JsonNode.Parse("""{"any": 1}""")).ShouldBeTrue();
        schema.IsValid(JsonNode.Parse("""{"none": 1}""")).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_ShouldThrow_WhenOptionsAreOutOfRange()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new JsonSchemaCompiler(new JsonSchemaCompilerOptions { MaxDepth = -1 }));
        Should.Throw<ArgumentOutOfRangeException>(
            () => new JsonSchemaCompiler(new JsonSchemaCompilerOptions { PatternMatchTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public void PublicApi_ShouldNotExposeNewtonsoftTypes_WhenInspectedByReflection()
    {
        var exported = typeof(JsonSchemaCompiler).Assembly.GetExportedTypes();
        var signatureTypes = exported.SelectMany(type => type
            .GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .SelectMany(SignatureTypes)
            .Append(type.BaseType)
            .Concat(type.GetInterfaces()));

        signatureTypes.OfType<Type>()
            .Where(type => type.Assembly.GetName().Name!.StartsWith("Newtonsoft", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    private static IEnumerable<Type> SignatureTypes(MemberInfo member) => member switch
    {
        MethodInfo method => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType),
        ConstructorInfo constructor => constructor.GetParameters().Select(p => p.ParameterType),
        PropertyInfo property => [property.PropertyType],
        FieldInfo field => [field.FieldType],
        EventInfo @event => [@event.EventHandlerType!],
        _ => [],
    };
}
