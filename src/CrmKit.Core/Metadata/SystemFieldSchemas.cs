using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Metadata;

/// <summary>The JSON Schema properties of the system fields every entity document carries.</summary>
internal static class SystemFieldSchemas
{
    public static JsonObject Create(string name) => name switch
    {
        SystemFields.Id => Field(BuiltInFieldTypes.String, "string", "uuid", "Id", "Идентификатор"),
        SystemFields.CreatedAt => Field(BuiltInFieldTypes.DateTime, "string", "date-time", "Created at", "Создано"),
        SystemFields.CreatedBy => Field(BuiltInFieldTypes.String, "string", null, "Created by", "Автор"),
        SystemFields.UpdatedAt => Field(BuiltInFieldTypes.DateTime, "string", "date-time", "Updated at", "Изменено"),
        SystemFields.UpdatedBy => Field(BuiltInFieldTypes.String, "string", null, "Updated by", "Изменил"),
        SystemFields.OwnerId => Owner(),
        SystemFields.Version => Field(BuiltInFieldTypes.Integer, "integer", null, "Version", "Версия"),
        SystemFields.DeletedAt => Field(BuiltInFieldTypes.DateTime, "string", "date-time", "Deleted at", "Удалено"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a system field."),
    };

    public static FieldValueKind KindOf(string name) => name switch
    {
        SystemFields.Id => FieldValueKind.Reference,
        SystemFields.Version => FieldValueKind.Integer,
        SystemFields.CreatedAt or SystemFields.UpdatedAt or SystemFields.DeletedAt => FieldValueKind.DateTime,
        _ => FieldValueKind.Text,
    };

    private static JsonObject Owner()
    {
        var schema = Field(BuiltInFieldTypes.String, "string", null, "Owner", "Ответственный");
        schema.Remove("readOnly");
        schema["type"] = new JsonArray("string", "null");
        schema["maxLength"] = 128;
        return schema;
    }

    private static JsonObject Field(string crmType, string jsonType, string? format, string en, string ru)
    {
        var schema = new JsonObject { ["type"] = jsonType };
        if (format is not null)
        {
            schema["format"] = format;
        }

        schema["readOnly"] = true;
        schema[CrmSchemaKeywords.Type] = crmType;
        schema[CrmSchemaKeywords.System] = true;
        schema[CrmSchemaKeywords.Labels] = new JsonObject { ["en"] = en, ["ru"] = ru };
        return schema;
    }
}
