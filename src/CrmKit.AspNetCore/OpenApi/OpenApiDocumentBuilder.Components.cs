using System.Text.Json.Nodes;
using CrmKit.Sdk.Metadata;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The shared components: schemas of the API's own shapes and each entity's, parameters, responses.</summary>
internal static partial class OpenApiDocumentBuilder
{
    private static JsonObject BuildSchemas(IReadOnlyList<EntityDefinition> entities)
    {
        var schemas = new JsonObject
        {
            ["Problem"] = ProblemSchema(),
            ["Health"] = ObjectSchema(
                new JsonObject { ["status"] = new JsonObject { ["const"] = "healthy" } }, "status"),
            ["Labels"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Texts keyed by language (en, ru).",
                ["additionalProperties"] = new JsonObject { ["type"] = "string" },
            },
            ["EntitySummary"] = ObjectSchema(SummaryProperties(), "name", "label", "labels", "version", "fieldCount"),
            ["EntityDetail"] = EntityDetailSchema(),
            ["FieldInfo"] = FieldInfoSchema(),
            ["FieldArchive"] = FieldArchiveSchema(),
            ["IndexBuild"] = IndexBuildSchema(),
            ["MetadataVersion"] = ObjectSchema(
                new JsonObject
                {
                    ["version"] = Type("integer"),
                    ["changedAt"] = DateTime(),
                    ["changedBy"] = Type("string"),
                    ["diff"] = new JsonObject { ["type"] = "array", ["items"] = Type("object") },
                },
                "version", "changedAt", "changedBy", "diff"),
            ["EntitySchemaDocument"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] =
                    "An entity as one JSON Schema (draft 2020-12) document with x-crm-* keywords; x-crm-entity names it. " +
                    "See docs/metadata.md.",
                ["required"] = new JsonArray("x-crm-entity"),
            },
            ["FieldAddRequest"] = FieldRequestSchema(withName: true),
            ["FieldChangeRequest"] = FieldRequestSchema(withName: false),
        };

        foreach (var entity in entities)
        {
            schemas[entity.Name] = entity.GetSchema();
            schemas[entity.Name + ".patch"] = PatchSchema(entity);
            schemas[entity.Name + ".page"] = ObjectSchema(
                new JsonObject
                {
                    ["items"] = new JsonObject { ["type"] = "array", ["items"] = SchemaRef(entity.Name) },
                    ["next"] = new JsonObject
                    {
                        ["type"] = new JsonArray("string", "null"),
                        ["description"] = "The cursor of the next page (send it as after=); null on the last page.",
                    },
                    ["total"] = new JsonObject
                    {
                        ["type"] = "integer",
                        ["description"] = "How many records match; only with count=true.",
                    },
                },
                "items", "next");
            schemas[entity.Name + ".batch"] = ObjectSchema(
                new JsonObject { ["items"] = new JsonObject { ["type"] = "array", ["items"] = SchemaRef(entity.Name) } },
                "items");
        }

        return schemas;
    }

    /// <summary>
    /// A PATCH body: any subset of the writable fields, each as in the entity's document or null to clear it, plus the
    /// optional <c>version</c> the client read.
    /// </summary>
    private static JsonObject PatchSchema(EntityDefinition entity)
    {
        var properties = new JsonObject
        {
            [SystemFields.Version] = new JsonObject
            {
                ["type"] = "integer",
                ["minimum"] = 1,
                ["description"] = "The version you read; a stale one is answered with 409 record.version_conflict.",
            },
        };
        foreach (var field in entity.Fields)
        {
            if (field.IsSystem && field.Name != SystemFields.OwnerId)
            {
                continue;
            }

            properties[field.Name] = new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["$ref"] = "#/components/schemas/" + entity.Name + "/properties/" + field.Name },
                    Type("null")),
            };
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = "The fields to change; null clears a field.",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject ProblemSchema() => new()
    {
        ["type"] = "object",
        ["description"] = "RFC 7807 problem details; code is stable, title and messages follow Accept-Language.",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
            ["title"] = Type("string"),
            ["status"] = Type("integer"),
            ["code"] = new JsonObject { ["type"] = "string", ["examples"] = new JsonArray("validation.failed") },
            ["instance"] = Type("string"),
            ["errors"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = ObjectSchema(
                    new JsonObject
                    {
                        ["pointer"] = new JsonObject { ["type"] = "string", ["description"] = "A JSON pointer (RFC 6901)." },
                        ["code"] = Type("string"),
                        ["message"] = Type("string"),
                    },
                    "pointer", "code", "message"),
            },
            ["traceId"] = new JsonObject { ["type"] = "string", ["description"] = "On server errors only." },
        },
        ["required"] = new JsonArray("type", "title", "status", "code", "instance"),
    };

    private static JsonObject SummaryProperties() => new()
    {
        ["name"] = Type("string"),
        ["label"] = Type("string"),
        ["labels"] = SchemaRef("Labels"),
        ["pluralLabel"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
        ["version"] = Type("integer"),
        ["owner"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
        ["fieldCount"] = Type("integer"),
    };

    private static JsonObject EntityDetailSchema()
    {
        var properties = SummaryProperties();
        properties["fields"] = new JsonObject { ["type"] = "array", ["items"] = SchemaRef("FieldInfo") };
        return ObjectSchema(properties, "name", "label", "labels", "version", "fieldCount", "fields");
    }

    private static JsonObject FieldInfoSchema() => ObjectSchema(
        new JsonObject
        {
            ["name"] = Type("string"),
            ["type"] = Type("string"),
            ["label"] = Type("string"),
            ["labels"] = SchemaRef("Labels"),
            ["required"] = Type("boolean"),
            ["indexed"] = Type("boolean"),
            ["unique"] = Type("boolean"),
            ["system"] = Type("boolean"),
            ["owner"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["lookup"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    ObjectSchema(
                        new JsonObject
                        {
                            ["entity"] = Type("string"),
                            ["onDelete"] = new JsonObject { ["enum"] = new JsonArray("restrict", "setNull") },
                        },
                        "entity", "onDelete"),
                    Type("null")),
            },
            ["options"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = ObjectSchema(
                    new JsonObject { ["value"] = Type("string"), ["label"] = Type("string") }, "value", "label"),
            },
            ["schema"] = new JsonObject { ["type"] = "object", ["description"] = "The field's JSON Schema property." },
        },
        "name", "type", "label", "labels", "required", "indexed", "unique", "system", "lookup", "options", "schema");

    private static JsonObject IndexBuildSchema()
    {
        static JsonObject Nullable(string type, string description, string? format = null)
        {
            var schema = new JsonObject { ["type"] = new JsonArray(type, "null"), ["description"] = description };
            if (format is not null)
            {
                schema["format"] = format;
            }

            return schema;
        }

        return ObjectSchema(
            new JsonObject
            {
                ["entity"] = Type("string"),
                ["field"] = Type("string"),
                ["index"] = Type("string"),
                ["state"] = new JsonObject { ["enum"] = new JsonArray("pending", "building", "ready", "failed") },
                ["requestedAt"] = DateTime(),
                ["startedAt"] = Nullable("string", "When the current or last build started.", "date-time"),
                ["finishedAt"] = Nullable("string", "When the last build ended.", "date-time"),
                ["phase"] = Nullable("string", "While building: PostgreSQL's phase, e.g. \"building index: scanning table\"."),
                ["done"] = Nullable("integer", "While building: blocks, tuples or waited-for transactions done in the phase."),
                ["total"] = Nullable("integer", "While building: what the phase has to go through, when known."),
                ["error"] = Nullable("string", "Why the last build failed."),
            },
            "entity", "field", "index", "state", "requestedAt", "startedAt", "finishedAt", "phase", "done", "total", "error");
    }

    private static JsonObject FieldArchiveSchema() => ObjectSchema(
        new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
            ["entity"] = Type("string"),
            ["field"] = Type("string"),
            ["reason"] = new JsonObject { ["enum"] = new JsonArray("removed", "forced") },
            ["count"] = Type("integer"),
            ["schemaVersion"] = Type("integer"),
            ["archivedAt"] = DateTime(),
            ["archivedBy"] = Type("string"),
            ["restoredAt"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" },
        },
        "id", "entity", "field", "reason", "count", "schemaVersion", "archivedAt", "archivedBy", "restoredAt");

    private static JsonObject FieldRequestSchema(bool withName)
    {
        var properties = new JsonObject();
        if (withName)
        {
            properties["name"] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = "^[a-z][a-z0-9_]{0,62}$",
            };
        }

        properties["schema"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = withName
                ? "The field's JSON Schema property with its x-crm-* keywords."
                : "The field's new JSON Schema property; when absent the current one is kept.",
        };
        properties["required"] = Type("boolean");
        properties["conversion"] = new JsonObject { ["enum"] = new JsonArray("none", "cast"), ["default"] = "none" };
        properties["force"] = new JsonObject { ["type"] = "boolean", ["default"] = false };
        var schema = withName ? ObjectSchema(properties, "name", "schema") : ObjectSchema(properties);
        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonObject ObjectSchema(JsonObject properties, params string[] required)
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Length > 0)
        {
            var list = new JsonArray();
            foreach (var name in required)
            {
                list.Add(name);
            }

            schema["required"] = list;
        }

        return schema;
    }

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject DateTime() => new() { ["type"] = "string", ["format"] = "date-time" };
}
