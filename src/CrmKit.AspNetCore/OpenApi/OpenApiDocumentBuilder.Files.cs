using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>
/// Attachments (per entity: upload, list, metadata, download with ranges, delete) and the migrations of attachment
/// content between file stores.
/// </summary>
internal static partial class OpenApiDocumentBuilder
{
    private const string FilesTag = "files";

    private static void AddAttachmentPaths(JsonObject paths, string entity)
    {
        var basePath = "/api/records/" + entity + "/{id}/attachments";
        var suffix = "_" + entity;
        paths[basePath] = new JsonObject
        {
            ["parameters"] = new JsonArray(RecordIdParameter()),
            ["get"] = Operation("listAttachments" + suffix, entity, "Lists the files attached to the record, oldest first. Needs read access to it.",
                WithProblems(new JsonObject
                {
                    ["200"] = JsonResponse("The attachments.", ObjectSchema(
                        new JsonObject { ["items"] = new JsonObject { ["type"] = "array", ["items"] = SchemaRef("Attachment") } }, "items")),
                }, 404)),
            ["post"] = Operation("uploadAttachment" + suffix, entity,
                "Attaches a file: multipart/form-data (the first part with a filename) or the raw body with its Content-Type " +
                "and the name in ?fileName= or Content-Disposition. The content streams to the configured file store and " +
                "its SHA-256 is computed on the way. Needs update access to the record. 413 attachment.too_large, 415 " +
                "attachment.type_not_allowed, 503 file_store.unavailable (nothing is stored then).",
                WithProblems(
                    new JsonObject { ["201"] = JsonResponse("The attachment.", SchemaRef("Attachment"), LocationHeader()) },
                    400, 404, 413, 415, 503),
                parameters: [QueryParameter("fileName", "The file name, for a raw body.", Type("string"))],
                requestBody: new JsonObject
                {
                    ["description"] = "The file.",
                    ["required"] = true,
                    ["content"] = new JsonObject
                    {
                        ["multipart/form-data"] = new JsonObject
                        {
                            ["schema"] = ObjectSchema(new JsonObject { ["file"] = new JsonObject { ["type"] = "string", ["contentMediaType"] = "application/octet-stream" } }, "file"),
                        },
                        ["*/*"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["contentMediaType"] = "application/octet-stream" } },
                    },
                }),
        };
        paths[basePath + "/{attachmentId}"] = new JsonObject
        {
            ["parameters"] = new JsonArray(RecordIdParameter(), AttachmentIdParameter()),
            ["get"] = Operation("getAttachment" + suffix, entity, "Reads an attachment's metadata.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The attachment.", SchemaRef("Attachment")) }, 404)),
            ["delete"] = Operation("deleteAttachment" + suffix, entity,
                "Deletes an attachment (content and metadata). Needs update access to the record; 503 leaves it in place.",
                WithProblems(new JsonObject { ["204"] = new JsonObject { ["description"] = "Deleted." } }, 404, 503)),
        };
        paths[basePath + "/{attachmentId}/content"] = new JsonObject
        {
            ["parameters"] = new JsonArray(RecordIdParameter(), AttachmentIdParameter()),
            ["get"] = Operation("downloadAttachment" + suffix, entity,
                "Downloads the content with its Content-Type, Content-Disposition (filename*) and an ETag (its SHA-256). " +
                "If-None-Match answers 304; a single Range (bytes=a-b, a-, -n) answers 206, or 416 outside the content.",
                WithProblems(new JsonObject
                {
                    ["200"] = ContentResponse("The content."),
                    ["206"] = ContentResponse("The requested range, with Content-Range."),
                    ["304"] = new JsonObject { ["description"] = "Not modified (If-None-Match matched the ETag)." },
                    ["416"] = new JsonObject
                    {
                        ["description"] = "The range lies outside the content (attachment.range_not_satisfiable); Content-Range gives the length.",
                        ["content"] = new JsonObject { [ProblemMediaType] = new JsonObject { ["schema"] = SchemaRef("Problem") } },
                    },
                }, 404, 503),
                parameters:
                [
                    HeaderParameter("Range", "A single byte range."),
                    HeaderParameter("If-None-Match", "An ETag the client holds."),
                    HeaderParameter("If-Range", "Keep the range only while the ETag is this one."),
                ]),
        };
    }

    private static void AddFileMigrationPaths(JsonObject paths)
    {
        paths["/api/files/migrations"] = new JsonObject
        {
            ["post"] = Operation("startFileMigration", FilesTag,
                "Starts moving every attachment's content to another file store, in the background: copy, verify length and " +
                "SHA-256, switch, delete the old copy. Resumable: run it again after a stop. Needs plugins.manage.",
                WithProblems(
                    new JsonObject { ["202"] = JsonResponse("The migration's first status.", SchemaRef("FileMigration"), LocationHeader()) },
                    400, 409, 413, 415),
                requestBody: JsonBody("The target store.", ObjectSchema(new JsonObject { ["to"] = Described("string", "The store's name (local, s3, webdav).") }, "to"))),
        };
        paths["/api/files/migrations/current"] = new JsonObject
        {
            ["get"] = Operation("getFileMigration", FilesTag, "The status of the current or last migration.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The status.", SchemaRef("FileMigration")) }, 404)),
            ["delete"] = Operation("cancelFileMigration", FilesTag, "Cancels the running migration; what moved stays moved.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The status.", SchemaRef("FileMigration")) }, 404)),
        };
    }

    private static void AddFileSchemas(JsonObject schemas)
    {
        var uuid = new JsonObject { ["type"] = "string", ["format"] = "uuid" };
        schemas["Attachment"] = ObjectSchema(
            new JsonObject
            {
                ["id"] = uuid.DeepClone(),
                ["entity"] = Type("string"),
                ["recordId"] = uuid.DeepClone(),
                ["fileName"] = Described("string", "The neutralized file name."),
                ["contentType"] = Type("string"),
                ["length"] = Type("integer"),
                ["sha256"] = Described("string", "64 lower-case hex digits."),
                ["store"] = Described("string", "The file store holding the content."),
                ["createdAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["createdBy"] = Type("string"),
            },
            "id", "entity", "recordId", "fileName", "contentType", "length", "sha256", "store", "createdAt", "createdBy");
        schemas["FileMigration"] = ObjectSchema(
            new JsonObject
            {
                ["id"] = uuid.DeepClone(),
                ["to"] = Type("string"),
                ["state"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("running", "completed", "failed", "cancelled") },
                ["total"] = Type("integer"),
                ["moved"] = Type("integer"),
                ["failed"] = Type("integer"),
                ["sourceLeft"] = Described("integer", "Moved, but the old copy could not be deleted."),
                ["errors"] = new JsonObject { ["type"] = "array", ["items"] = Type("string") },
                ["startedAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["finishedAt"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" },
            },
            "id", "to", "state", "total", "moved", "failed", "sourceLeft", "errors", "startedAt", "finishedAt");
    }

    private static JsonObject RecordIdParameter() =>
        PathParameter("id", "The record id.", new JsonObject { ["type"] = "string", ["format"] = "uuid" });

    private static JsonObject AttachmentIdParameter() =>
        PathParameter("attachmentId", "The attachment id.", new JsonObject { ["type"] = "string", ["format"] = "uuid" });

    private static JsonObject HeaderParameter(string name, string description) => new()
    {
        ["name"] = name,
        ["in"] = "header",
        ["required"] = false,
        ["description"] = description,
        ["schema"] = Type("string"),
    };

    private static JsonObject ContentResponse(string description) => new()
    {
        ["description"] = description,
        ["headers"] = new JsonObject
        {
            ["ETag"] = new JsonObject { ["schema"] = Type("string") },
            ["Content-Disposition"] = new JsonObject { ["schema"] = Type("string") },
            ["Accept-Ranges"] = new JsonObject { ["schema"] = Type("string") },
        },
        ["content"] = new JsonObject { ["*/*"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["contentMediaType"] = "application/octet-stream" } } },
    };
}
