using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Core.Metadata;
using CrmKit.Core.Resources;
using CrmKit.JsonSchema;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Validation;

/// <summary>
/// Validates a record's field values: refuses system and unknown fields, lets each field type normalize its value,
/// then runs the entity's compiled JSON Schema. Reports every failing field at once.
/// </summary>
internal static class RecordValidator
{
    /// <summary>Validates and normalizes <paramref name="values"/> in place; JSON nulls are removed first.</summary>
    /// <param name="entity">The entity version to validate against.</param>
    /// <param name="values">All field values of the record (merged with the stored ones on update).</param>
    /// <param name="normalize">The fields whose values are new and must be normalized; null for all.</param>
    /// <param name="pointer">The JSON pointer of the record in the request ("" or "/3" in a batch).</param>
    /// <param name="errors">Receives the problems.</param>
    public static void Validate(
        CompiledEntity entity, JsonObject values, IReadOnlySet<string>? normalize, string pointer, List<CrmError> errors)
    {
        List<string>? nulls = null;
        List<(string Name, JsonNode Value)>? replaced = null;
        HashSet<string>? failed = null;
        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                (nulls ??= []).Add(name);
                continue;
            }

            if (!entity.FieldTypes.TryGetValue(name, out var type))
            {
                var code = SystemFields.Contains(name) ? "field.read_only" : "field.unknown";
                errors.Add(CoreMessages.Error(code, pointer + "/" + Escape(name), name));
                (failed ??= []).Add(name);
                continue;
            }

            if (normalize is null || normalize.Contains(name))
            {
                var context = new FieldValueContext(entity.Definition.FindField(name)!, value, pointer + "/" + Escape(name));
                type.Normalize(context);
                if (context.HasErrors)
                {
                    errors.AddRange(context.Errors);
                    (failed ??= []).Add(name);
                }
                else if (!ReferenceEquals(context.Value, value))
                {
                    (replaced ??= []).Add((name, context.Value));
                }
            }
        }

        foreach (var (name, value) in replaced ?? [])
        {
            values[name] = value.Parent is null ? value : value.DeepClone();
        }

        foreach (var name in nulls ?? [])
        {
            values.Remove(name);
        }

        if (entity.Validator.IsValid(values))
        {
            return;
        }

        var violations = new List<SchemaViolation>();
        entity.Validator.Validate(values, violations, pointer);
        foreach (var violation in violations)
        {
            var field = FieldOf(violation.Pointer, pointer);
            if (violation.Keyword == "additionalProperties" || (field is not null && failed?.Contains(field) == true))
            {
                continue;
            }

            errors.Add(Map(violation));
        }
    }

    /// <summary>Turns a schema violation into an error with the value.* (or field.required, format.*) code.</summary>
    internal static CrmError Map(SchemaViolation violation)
    {
        var limit = Convert.ToString(violation.Limit, CultureInfo.InvariantCulture) ?? "";
        return violation.Keyword switch
        {
            "required" => CoreMessages.Error("field.required", violation.Pointer),
            "format" => new CrmError("format." + limit, violation.Pointer, CoreMessages.Text("value.format", limit)),
            _ => new CrmError(CodeOf(violation.Keyword), violation.Pointer, CoreMessages.Text(CodeOf(violation.Keyword), limit)),
        };
    }

    private static string CodeOf(string keyword) => keyword switch
    {
        "type" => "value.type",
        "enum" => "value.enum",
        "const" => "value.const",
        "pattern" => "value.pattern",
        "minLength" => "value.min_length",
        "maxLength" => "value.max_length",
        "minimum" => "value.minimum",
        "maximum" => "value.maximum",
        "exclusiveMinimum" => "value.exclusive_minimum",
        "exclusiveMaximum" => "value.exclusive_maximum",
        "multipleOf" => "value.multiple_of",
        "minItems" => "value.min_items",
        "maxItems" => "value.max_items",
        "uniqueItems" => "value.unique_items",
        _ => "value.invalid",
    };

    private static string? FieldOf(string violationPointer, string recordPointer)
    {
        if (violationPointer.Length <= recordPointer.Length + 1)
        {
            return null;
        }

        var rest = violationPointer[(recordPointer.Length + 1)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var segment = slash < 0 ? rest : rest[..slash];
        return segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    private static string Escape(string name) =>
        name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
