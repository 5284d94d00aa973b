using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The shared parameters and problem responses the paths refer to.</summary>
internal static partial class OpenApiDocumentBuilder
{
    private static JsonObject BuildParameters() => new()
    {
        ["Entity"] = PathParameter("entity", "The entity name.", Type("string")),
        ["Field"] = PathParameter("field", "The field name.", Type("string")),
        ["ArchiveId"] = PathParameter("archiveId", "The field archive id.", new JsonObject { ["type"] = "string", ["format"] = "uuid" }),
        ["RecordId"] = PathParameter("id", "The record id (a UUID).", new JsonObject { ["type"] = "string", ["format"] = "uuid" }),
        ["Message"] = PathParameter("name", "The record message's name, for example lead.qualify.", Type("string")),
        ["Filter"] = QueryParameter("filter", "A filter such as stage eq 'won' and amount ge 1000 (see docs/filter-syntax.md).", Type("string")),
        ["Sort"] = QueryParameter("sort", "Sort keys such as amount desc,created_at; the default is id (creation order).", Type("string")),
        ["Select"] = QueryParameter("select", "The fields to return, separated by commas; id and version are always returned.", Type("string")),
        ["Limit"] = QueryParameter("limit", "The page size.", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 1000, ["default"] = 50 }),
        ["After"] = QueryParameter("after", "The next cursor of the previous page.", Type("string")),
        ["Count"] = QueryParameter("count", "Also return the number of matching records.", new JsonObject { ["type"] = "boolean", ["default"] = false }),
        ["Deleted"] = QueryParameter("deleted", "Deleted records (the recycle bin) instead of live ones.", new JsonObject { ["type"] = "boolean", ["default"] = false }),
        ["IfMatch"] = new JsonObject
        {
            ["name"] = "If-Match",
            ["in"] = "header",
            ["description"] = "The record version you read, as an entity tag (\"3\"); a stale one is answered with 409.",
            ["schema"] = Type("string"),
        },
    };

    private static JsonObject BuildResponses() => new()
    {
        ["BadRequest"] = ProblemResponse("The request is malformed: JSON, nesting, If-Match, filter, sort, select or cursor."),
        ["NotFound"] = ProblemResponse("The entity, field or record does not exist."),
        ["Conflict"] = ProblemResponse("A stale version, a duplicate unique value, a referenced record or a violating change."),
        ["TooLarge"] = ProblemResponse("The body is larger than the configured limit."),
        ["UnsupportedMediaType"] = ProblemResponse("The body is not JSON."),
        ["ValidationFailed"] = ProblemResponse("The data is not valid; every failing field is listed."),
        ["Unavailable"] = ProblemResponse("The store cannot be reached."),
        ["ServerError"] = ProblemResponse("An unexpected error; the problem carries only server.error and a trace id."),
    };

    private static JsonObject ProblemResponse(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { [ProblemMediaType] = new JsonObject { ["schema"] = SchemaRef("Problem") } },
    };

    private static JsonObject PathParameter(string name, string description, JsonObject schema) => new()
    {
        ["name"] = name,
        ["in"] = "path",
        ["required"] = true,
        ["description"] = description,
        ["schema"] = schema,
    };

    private static JsonObject QueryParameter(string name, string description, JsonObject schema) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = description,
        ["schema"] = schema,
    };
}
