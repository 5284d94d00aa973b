using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrmKit.JsonSchema.Internal.Formats;
using CrmKit.JsonSchema.Resources;
using Newtonsoft.Json.Schema;

namespace CrmKit.JsonSchema.Internal;

/// <summary>
/// Builds the <see cref="CompiledSchema"/> tree, walking the Newtonsoft model and the raw JSON in parallel: shapes,
/// lengths, patterns and types come from the model; numbers, <c>enum</c> and <c>const</c> come from the raw JSON so
/// that decimals stay exact.
/// </summary>
internal sealed class SchemaNodeCompiler
{
    private static readonly CompiledSchema AcceptAll = new(accepts: true);
    private static readonly CompiledSchema RejectAll = new(accepts: false);

    private readonly TimeSpan _patternMatchTimeout;

    public SchemaNodeCompiler(TimeSpan patternMatchTimeout)
    {
        _patternMatchTimeout = patternMatchTimeout;
    }

    public CompiledSchema Compile(JSchema model, JsonNode raw, string pointer)
    {
        if (raw is not JsonObject keywords)
        {
            return raw.GetValueKind() == JsonValueKind.True ? AcceptAll : RejectAll;
        }

        var (types, typeNames) = ReadTypes(model, keywords, pointer);
        return new CompiledSchema(
            types,
            typeNames,
            ReadValues(keywords, pointer),
            ReadStrings(model, pointer),
            ReadNumbers(keywords, pointer),
            ReadObject(model, keywords, pointer),
            ReadArray(model, keywords, pointer));
    }

    private static (SchemaTypes Types, string? Names) ReadTypes(JSchema model, JsonObject keywords, string pointer)
    {
        if (model.Type is not { } declared)
        {
            return (SchemaTypes.Any, null);
        }

        var names = keywords["type"] switch
        {
            JsonArray array => array.Select(item => item?.GetValue<string>() ?? string.Empty).ToList(),
            var single => [single?.GetValue<string>() ?? string.Empty],
        };
        if (names.Count == 0 || names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw SchemaErrors.InvalidValue("type", pointer, SchemaMessages.MustBeDistinctTypes);
        }

        var types = SchemaTypes.None;
        types |= declared.HasFlag(JSchemaType.Null) ? SchemaTypes.Null : SchemaTypes.None;
        types |= declared.HasFlag(JSchemaType.Boolean) ? SchemaTypes.Boolean : SchemaTypes.None;
        types |= declared.HasFlag(JSchemaType.Object) ? SchemaTypes.Object : SchemaTypes.None;
        types |= declared.HasFlag(JSchemaType.Array) ? SchemaTypes.Array : SchemaTypes.None;
        types |= declared.HasFlag(JSchemaType.Number) ? SchemaTypes.Number : SchemaTypes.None;
        types |= declared.HasFlag(JSchemaType.String) ? SchemaTypes.String : SchemaTypes.None;
        types |= declared.HasFlag(JSchemaType.Integer) ? SchemaTypes.Integer : SchemaTypes.None;
        return (types, string.Join(", ", names));
    }

    private static ValueConstraints? ReadValues(JsonObject keywords, string pointer)
    {
        var hasEnum = keywords.TryGetPropertyValue("enum", out var enumValues);
        var hasConst = keywords.TryGetPropertyValue("const", out var constValue);
        if (hasEnum && enumValues is not JsonArray)
        {
            throw SchemaErrors.InvalidValue("enum", pointer, SchemaMessages.MustBeArray);
        }

        return hasEnum || hasConst ? new ValueConstraints(enumValues as JsonArray, hasConst, constValue) : null;
    }

    private StringConstraints? ReadStrings(JSchema model, string pointer)
    {
        var minLength = NonNegative(model.MinimumLength, "minLength", pointer);
        var maxLength = NonNegative(model.MaximumLength, "maxLength", pointer);
        Regex? pattern = null;
        if (model.Pattern is { } patternText)
        {
            try
            {
                pattern = EcmaPattern.Compile(patternText, _patternMatchTimeout);
            }
            catch (ArgumentException exception)
            {
                throw SchemaErrors.InvalidValue("pattern", pointer, exception.Message, exception);
            }
        }

        SchemaFormat? format = model.Format is { } name && FormatValidator.TryParse(name, out var parsed) ? parsed : null;
        return minLength is null && maxLength is null && pattern is null && format is null
            ? null
            : new StringConstraints(minLength, maxLength, model.Pattern, pattern, format);
    }

    private static NumberConstraints? ReadNumbers(JsonObject keywords, string pointer)
    {
        var minimum = ReadNumber(keywords, "minimum", pointer);
        var maximum = ReadNumber(keywords, "maximum", pointer);
        var exclusiveMinimum = ReadNumber(keywords, "exclusiveMinimum", pointer);
        var exclusiveMaximum = ReadNumber(keywords, "exclusiveMaximum", pointer);
        var multipleOf = ReadNumber(keywords, "multipleOf", pointer);
        if (multipleOf is { } divisor && !(divisor.AsDouble > 0))
        {
            throw SchemaErrors.InvalidValue("multipleOf", pointer, SchemaMessages.MustBePositiveNumber);
        }

        return minimum is null && maximum is null && exclusiveMinimum is null && exclusiveMaximum is null && multipleOf is null
            ? null
            : new NumberConstraints(minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf);
    }

    private ObjectConstraints? ReadObject(JSchema model, JsonObject keywords, string pointer)
    {
        var properties = new Dictionary<string, CompiledSchema>(StringComparer.Ordinal);
        if (keywords["properties"] is JsonObject rawProperties)
        {
            var propertiesPointer = JsonPointer.Append(pointer, "properties");
            foreach (var (name, subschema) in model.Properties)
            {
                properties[name] = Compile(subschema, rawProperties[name]!, JsonPointer.Append(propertiesPointer, name));
            }
        }

        CompiledSchema? additional = null;
        if (keywords["additionalProperties"] is { } rawAdditional)
        {
            additional = !model.AllowAdditionalProperties ? RejectAll
                : model.AdditionalProperties is { } schema ? Compile(schema, rawAdditional, JsonPointer.Append(pointer, "additionalProperties"))
                : null;
        }

        var required = model.Required.Distinct(StringComparer.Ordinal).ToList();
        return required.Count == 0 && properties.Count == 0 && additional is null
            ? null
            : new ObjectConstraints(required, properties, additional);
    }

    private ArrayConstraints? ReadArray(JSchema model, JsonObject keywords, string pointer)
    {
        // Read with 2020-12 semantics, Newtonsoft keeps the "items" schema as the schema for additional items.
        CompiledSchema? items = null;
        if (keywords["items"] is { } rawItems)
        {
            items = model.AdditionalItems is { } schema ? Compile(schema, rawItems, JsonPointer.Append(pointer, "items"))
                : !model.AllowAdditionalItems ? RejectAll
                : null;
        }

        var minItems = NonNegative(model.MinimumItems, "minItems", pointer);
        var maxItems = NonNegative(model.MaximumItems, "maxItems", pointer);
        return items is null && minItems is null && maxItems is null && !model.UniqueItems
            ? null
            : new ArrayConstraints(items, minItems, maxItems, model.UniqueItems);
    }

    private static JsonNumber? ReadNumber(JsonObject keywords, string keyword, string pointer)
    {
        if (!keywords.TryGetPropertyValue(keyword, out var value))
        {
            return null;
        }

        if (JsonKinds.Of(value) != JsonValueKind.Number)
        {
            throw SchemaErrors.InvalidValue(keyword, pointer, SchemaMessages.MustBeNumber);
        }

        return JsonNumber.Read(value!);
    }

    private static long? NonNegative(long? value, string keyword, string pointer) =>
        value is < 0 ? throw SchemaErrors.InvalidValue(keyword, pointer, SchemaMessages.MustBeNonNegativeInteger) : value;
}
