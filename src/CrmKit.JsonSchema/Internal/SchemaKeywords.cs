using System.Collections.Frozen;

namespace CrmKit.JsonSchema.Internal;

/// <summary>The keywords the compiler knows: assertions it enforces and annotations it ignores.</summary>
internal static class SchemaKeywords
{
    /// <summary>The keywords that are compiled into assertions (or, for the applicators, into subschemas).</summary>
    public static readonly FrozenSet<string> Assertions = FrozenSet.Create(
        StringComparer.Ordinal,
        "type",
        "enum",
        "const",
        "required",
        "properties",
        "additionalProperties",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "format");

    /// <summary>Annotation keywords, accepted anywhere and ignored.</summary>
    public static readonly FrozenSet<string> Annotations = FrozenSet.Create(
        StringComparer.Ordinal,
        "$schema",
        "$id",
        "$comment",
        "title",
        "description",
        "default",
        "examples",
        "readOnly",
        "writeOnly",
        "deprecated");

    /// <summary>The keywords whose value is a subschema (or, for <c>properties</c>, a map of subschemas).</summary>
    public static readonly FrozenSet<string> Applicators = FrozenSet.Create(
        StringComparer.Ordinal, "properties", "additionalProperties", "items");

    /// <summary>The supported keywords, listed in error messages.</summary>
    public static readonly string SupportedList = string.Join(", ", Assertions.Order(StringComparer.Ordinal));

    /// <summary>Whether a keyword is ignored: an annotation or an <c>x-</c> extension such as <c>x-crm-label</c>.</summary>
    public static bool IsIgnored(string keyword) =>
        Annotations.Contains(keyword) || keyword.StartsWith("x-", StringComparison.Ordinal);
}
