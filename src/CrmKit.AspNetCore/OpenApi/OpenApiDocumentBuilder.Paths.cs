using System.Text.Json.Nodes;
using CrmKit.Sdk.Metadata;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The metadata paths (one set, parameterized by entity) and the record paths (one set per entity).</summary>
internal static partial class OpenApiDocumentBuilder
{
    private static void AddMetadataPaths(JsonObject paths)
    {
        const string Tag = "metadata";
        var detail = SchemaRef("EntityDetail");
        paths["/api/metadata/entities"] = new JsonObject
        {
            ["get"] = Operation("listEntities", Tag, "Lists every entity.",
                new JsonObject { ["200"] = JsonResponse("The entities.", Items(SchemaRef("EntitySummary"))) }),
            ["post"] = Operation("createEntity", Tag, "Creates an entity from its JSON Schema document.",
                WithProblems(
                    new JsonObject { ["201"] = JsonResponse("The new entity.", detail.DeepClone().AsObject(), LocationHeader()) },
                    400, 409, 413, 415, 422),
                requestBody: JsonBody("The entity's JSON Schema document.", SchemaRef("EntitySchemaDocument"))),
        };
        paths["/api/metadata/index-builds"] = new JsonObject
        {
            ["get"] = Operation("listIndexBuilds", Tag,
                "Lists the field indexes built in the background after a metadata change (PostgreSQL: CREATE INDEX " +
                "CONCURRENTLY, which lets writes go on), newest request first, with their state and progress. Empty on " +
                "SQLite, which builds every index in the change. Needs metadata.manage.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The builds.", Items(SchemaRef("IndexBuild"))) })),
        };
        paths["/api/metadata/entities/{entity}"] = new JsonObject
        {
            ["parameters"] = Parameters("Entity"),
            ["get"] = Operation("getEntity", Tag, "Reads an entity with its fields.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The entity.", detail.DeepClone().AsObject()) }, 404)),
        };
        paths["/api/metadata/entities/{entity}/schema"] = new JsonObject
        {
            ["parameters"] = Parameters("Entity"),
            ["get"] = Operation("getEntitySchema", Tag, "Returns the entity's JSON Schema document, exactly.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The document.", SchemaRef("EntitySchemaDocument")) }, 404)),
        };
        paths["/api/metadata/entities/{entity}/history"] = new JsonObject
        {
            ["parameters"] = Parameters("Entity"),
            ["get"] = Operation("getEntityHistory", Tag, "Lists every version of the entity's metadata with its diff.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The versions, oldest first.", Items(SchemaRef("MetadataVersion"))) }, 404)),
        };
        paths["/api/metadata/entities/{entity}/fields"] = new JsonObject
        {
            ["parameters"] = Parameters("Entity"),
            ["post"] = Operation("addField", Tag, "Adds a field.",
                WithProblems(
                    new JsonObject { ["201"] = JsonResponse("The entity at its new version.", detail.DeepClone().AsObject(), LocationHeader()) },
                    400, 404, 409, 413, 415, 422),
                requestBody: JsonBody("The field.", SchemaRef("FieldAddRequest"))),
        };
        paths["/api/metadata/entities/{entity}/fields/{field}"] = new JsonObject
        {
            ["parameters"] = Parameters("Entity", "Field"),
            ["patch"] = Operation("changeField", Tag,
                "Changes a field. A change existing records violate is refused with 409 metadata.records_violate_change " +
                "unless it carries conversion: cast or force: true.",
                WithProblems(
                    new JsonObject { ["200"] = JsonResponse("The entity at its new version.", detail.DeepClone().AsObject()) },
                    400, 404, 409, 413, 415, 422),
                requestBody: JsonBody("The new definition.", SchemaRef("FieldChangeRequest"))),
            ["delete"] = Operation("removeField", Tag, "Removes a field; its values are archived (restorable).",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The archive.", SchemaRef("FieldArchive")) }, 404, 409)),
        };
        paths["/api/metadata/entities/{entity}/archives"] = new JsonObject
        {
            ["parameters"] = Parameters("Entity"),
            ["get"] = Operation("listFieldArchives", Tag, "Lists the entity's field archives, newest first.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The archives.", Items(SchemaRef("FieldArchive"))) }, 404)),
        };
        paths["/api/metadata/entities/{entity}/archives/{archiveId}/restore"] = new JsonObject
        {
            ["parameters"] = Parameters("Entity", "ArchiveId"),
            ["post"] = Operation("restoreFieldArchive", Tag, "Restores archived values (and the field, if it was removed).",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The entity at its new version.", detail.DeepClone().AsObject()) }, 404, 409)),
        };
    }

    private static void AddRecordPaths(JsonObject paths, EntityDefinition entity)
    {
        var name = entity.Name;
        var basePath = "/api/records/" + name;
        var record = SchemaRef(name);
        var operationSuffix = "_" + name;

        paths[basePath] = new JsonObject
        {
            ["get"] = Operation("queryRecords" + operationSuffix, name, "Queries " + name + " records.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("One page of records.", SchemaRef(name + ".page")) }, 400, 404),
                parameters: Parameters("Filter", "Sort", "Select", "Limit", "After", "Count", "Deleted")),
            ["post"] = Operation("createRecords" + operationSuffix, name,
                "Creates a " + name + " record, or several in one transaction (all or none).",
                WithProblems(
                    new JsonObject
                    {
                        ["201"] = JsonResponse(
                            "The created record, or {items} for an array.",
                            new JsonObject { ["oneOf"] = new JsonArray(record.DeepClone(), SchemaRef(name + ".batch")) },
                            RecordHeaders(withLocation: true)),
                    },
                    400, 404, 409, 413, 415, 422),
                requestBody: JsonBody(
                    "A record, or a non-empty array of records.",
                    new JsonObject
                    {
                        ["oneOf"] = new JsonArray(
                            record.DeepClone(),
                            new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = record.DeepClone() }),
                    })),
        };
        paths[basePath + "/{id}"] = new JsonObject
        {
            ["parameters"] = Parameters("RecordId"),
            ["get"] = Operation("getRecord" + operationSuffix, name, "Reads a " + name + " record.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The record.", record.DeepClone().AsObject(), RecordHeaders(false)) }, 400, 404),
                parameters: Parameters("Deleted")),
            ["patch"] = Operation("updateRecord" + operationSuffix, name,
                "Changes fields of a " + name + " record; send the version you read (If-Match or version).",
                WithProblems(
                    new JsonObject { ["200"] = JsonResponse("The record.", record.DeepClone().AsObject(), RecordHeaders(false)) },
                    400, 404, 409, 413, 415, 422),
                parameters: Parameters("IfMatch"),
                requestBody: JsonBody("The fields to change.", SchemaRef(name + ".patch"))),
            ["delete"] = Operation("deleteRecord" + operationSuffix, name, "Deletes a " + name + " record (soft; restorable).",
                WithProblems(new JsonObject { ["204"] = new JsonObject { ["description"] = "Deleted." } }, 400, 404, 409),
                parameters: Parameters("IfMatch")),
        };
        paths[basePath + "/{id}/restore"] = new JsonObject
        {
            ["parameters"] = Parameters("RecordId"),
            ["post"] = Operation("restoreRecord" + operationSuffix, name, "Restores a deleted " + name + " record.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The record.", record.DeepClone().AsObject(), RecordHeaders(false)) }, 404, 409)),
        };
        paths[basePath + "/{id}/messages/{name}"] = new JsonObject
        {
            ["parameters"] = Parameters("RecordId", "Message"),
            ["post"] = Operation("sendRecordMessage" + operationSuffix, name,
                "Sends a module-defined message to a " + name + " record; it passes the record pipeline in one transaction " +
                "with the writes its handler makes. An unknown message is answered with 404 record.message_not_found.",
                WithProblems(
                    new JsonObject
                    {
                        ["200"] = JsonResponse("The handler's output.", ObjectSchema(new JsonObject
                        {
                            ["output"] = new JsonObject { ["type"] = new JsonArray("object", "null") },
                        }, "output")),
                    },
                    400, 404, 409, 413, 415, 422),
                requestBody: JsonBody("The message's input, validated by the message's JSON Schema ({} for none).", Type("object"))),
        };
    }

    private static JsonObject Items(JsonObject itemSchema) => ObjectSchema(
        new JsonObject { ["items"] = new JsonObject { ["type"] = "array", ["items"] = itemSchema } }, "items");

    private static JsonObject LocationHeader() => new()
    {
        ["Location"] = new JsonObject { ["description"] = "The address of the new resource.", ["schema"] = Type("string") },
    };

    private static JsonObject RecordHeaders(bool withLocation)
    {
        var headers = new JsonObject
        {
            ["ETag"] = new JsonObject { ["description"] = "The record version, as \"3\".", ["schema"] = Type("string") },
        };
        if (withLocation)
        {
            headers["Location"] = new JsonObject { ["description"] = "The address of the new record.", ["schema"] = Type("string") };
        }

        return headers;
    }
}
