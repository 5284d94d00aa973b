using System.Text.Json.Nodes;
using CrmKit.Core.Fields;
using CrmKit.Core.Resources;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Metadata;

/// <summary>
/// Completes an entity document to its canonical form: dialect, <c>type: object</c>, closed properties, the system
/// fields first, each field type's base keywords, and owner marks. Idempotent.
/// </summary>
internal sealed class EntitySchemaNormalizer(IFieldTypeRegistry fieldTypes)
{
    /// <param name="document">The entity document.</param>
    /// <param name="owner">The owning module, marked on the entity when given.</param>
    /// <param name="stored">
    /// True for a document the host stored earlier: a field whose type is not registered now (its plugin is disabled,
    /// failed or gone) compiles with an <see cref="UnavailableFieldType"/> instead of being refused.
    /// </param>
    public JsonObject Normalize(JsonObject document, string? owner, bool stored = false)
    {
        var entity = document[CrmSchemaKeywords.Entity] is JsonValue v && v.TryGetValue(out string? n) ? n : null;
        if (!EntityNames.IsValid(entity))
        {
            throw Invalid("/" + CrmSchemaKeywords.Entity, "metadata.invalid_name", entity ?? "");
        }

        if (document["$schema"] is { } dialect &&
            (dialect is not JsonValue || dialect.GetValue<string>() != CrmSchemaKeywords.Dialect))
        {
            throw Invalid("/$schema", "metadata.invalid_document", $"$schema must be {CrmSchemaKeywords.Dialect}");
        }

        var properties = document["properties"] as JsonObject ?? [];
        if (document["properties"] is not null and not JsonObject)
        {
            throw Invalid("/properties", "metadata.invalid_document", "properties must be an object");
        }

        var result = new JsonObject();
        foreach (var (key, value) in document)
        {
            if (key is not ("properties" or "required" or "additionalProperties" or "type" or "$schema"))
            {
                result[key] = value?.DeepClone();
            }
        }

        result["$schema"] = CrmSchemaKeywords.Dialect;
        result["type"] = "object";
        if (owner is not null && !result.ContainsKey(CrmSchemaKeywords.Owner))
        {
            result[CrmSchemaKeywords.Owner] = owner;
        }

        var normalizedProperties = new JsonObject();
        foreach (var name in SystemFields.All)
        {
            normalizedProperties[name] = SystemFieldSchemas.Create(name);
        }

        foreach (var (name, property) in properties)
        {
            if (SystemFields.Contains(name))
            {
                continue;
            }

            if (!EntityNames.IsValid(name))
            {
                throw Invalid("/properties/" + name, "metadata.invalid_name", name);
            }

            if (property is not JsonObject field)
            {
                throw Invalid("/properties/" + name, "metadata.invalid_document", "a field must be a JSON object");
            }

            normalizedProperties[name] = NormalizeField(name, field, owner, stored);
        }

        result["properties"] = normalizedProperties;
        result["required"] = NormalizeRequired(document["required"], normalizedProperties);
        result["additionalProperties"] = false;
        return result;
    }

    /// <summary>Completes one field's property schema with its type's base keywords.</summary>
    public JsonObject NormalizeField(string name, JsonObject field, string? owner, bool stored = false)
    {
        var pointer = "/properties/" + name;
        var typeName = field[CrmSchemaKeywords.Type] is JsonValue t && t.TryGetValue(out string? s) ? s : null;
        if (typeName is null || !TryGetType(typeName, field, stored, out var fieldType))
        {
            throw Invalid(pointer + "/" + CrmSchemaKeywords.Type, "metadata.unknown_field_type", typeName ?? "");
        }

        var result = (JsonObject)field.DeepClone();
        foreach (var (keyword, baseValue) in fieldType.Descriptor.GetBaseSchema())
        {
            if (!result.ContainsKey(keyword))
            {
                result[keyword] = baseValue?.DeepClone();
            }
            else if (keyword is "type" or "format" && !JsonNode.DeepEquals(result[keyword], baseValue))
            {
                throw Invalid(pointer + "/" + keyword, "metadata.type_mismatch", keyword, typeName);
            }
        }

        if (owner is not null && !result.ContainsKey(CrmSchemaKeywords.Owner))
        {
            result[CrmSchemaKeywords.Owner] = owner;
        }

        if (fieldTypes is FieldTypeRegistry registry && registry.OwnerOf(typeName) is not null)
        {
            // A module's type can go away with its module; the stored kind keeps the field's storage shape meanwhile.
            result[CrmSchemaKeywords.ValueKind] = FieldValueKinds.ToName(fieldType.Descriptor.ValueKind);
        }

        var comparable = fieldType.Descriptor.Comparable;
        if (!comparable && (IsTrue(result[CrmSchemaKeywords.Indexed]) || IsTrue(result[CrmSchemaKeywords.Unique])))
        {
            throw Invalid(pointer, "metadata.not_comparable", typeName);
        }

        if (typeName == BuiltInFieldTypes.Lookup && result[CrmSchemaKeywords.Lookup]?["entity"] is not JsonValue)
        {
            throw Invalid(pointer + "/" + CrmSchemaKeywords.Lookup, "metadata.invalid_document",
                "a lookup field needs x-crm-lookup.entity");
        }

        if (typeName == BuiltInFieldTypes.Enum && result["enum"] is not JsonArray)
        {
            throw Invalid(pointer, "metadata.invalid_document", "an enum field needs an enum array");
        }

        if (typeName == BuiltInFieldTypes.MultiEnum && result["items"]?["enum"] is not JsonArray)
        {
            throw Invalid(pointer, "metadata.invalid_document", "a multi_enum field needs items.enum");
        }

        return result;
    }

    /// <summary>Resolves a field's type; for a stored document, an unregistered type becomes unavailable.</summary>
    public bool TryGetType(string typeName, JsonObject field, bool stored, out IFieldType fieldType)
    {
        if (fieldTypes.TryGet(typeName, out var found))
        {
            fieldType = found;
            return true;
        }

        if (stored && field[CrmSchemaKeywords.ValueKind] is JsonValue kind && kind.TryGetValue(out string? kindName) &&
            FieldValueKinds.TryParse(kindName, out var valueKind))
        {
            var owner = field[CrmSchemaKeywords.Owner] is JsonValue o && o.TryGetValue(out string? ownerName) ? ownerName : null;
            fieldType = new UnavailableFieldType(typeName, valueKind, owner);
            return true;
        }

        fieldType = null!;
        return false;
    }

    internal static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool b) && b;

    private static JsonArray NormalizeRequired(JsonNode? required, JsonObject properties)
    {
        var result = new JsonArray();
        if (required is null)
        {
            return result;
        }

        if (required is not JsonArray array)
        {
            throw Invalid("/required", "metadata.invalid_document", "required must be an array of field names");
        }

        foreach (var item in array)
        {
            var name = item is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            if (name is null || !properties.ContainsKey(name) || SystemFields.Contains(name))
            {
                throw Invalid("/required", "metadata.invalid_document", $"required lists an unknown field '{name}'");
            }

            if (!result.Any(r => r!.GetValue<string>() == name))
            {
                result.Add(name);
            }
        }

        return result;
    }

    private static CrmException Invalid(string pointer, string code, params object?[] args) =>
        CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, code, pointer, args);
}
