using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The workflow-definition paths (<c>/api/workflows/...</c>).</summary>
internal static partial class OpenApiDocumentBuilder
{
    private const string WorkflowsTag = "workflows";

    private static void AddWorkflowPaths(JsonObject paths)
    {
        paths["/api/workflows"] = new JsonObject
        {
            ["get"] = Operation("listWorkflows", WorkflowsTag, "Lists the current version of every workflow.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The workflows.", WorkflowItems(WorkflowSummarySchema())) }, 400),
                parameters: [
                    QueryParameter("entity", "Only workflows whose trigger is on this entity.", Type("string")),
                    QueryParameter("deleted", "Also list deleted workflows.", new JsonObject { ["type"] = "boolean", ["default"] = false }),
                ]),
        };
        paths["/api/workflows/schema"] = new JsonObject
        {
            ["get"] = Operation("getWorkflowSchema", WorkflowsTag, "Returns the JSON Schema (2020-12) of workflow documents.",
                new JsonObject { ["200"] = JsonResponse("The schema.", Type("object")) }),
        };
        paths["/api/workflows/{name}"] = new JsonObject
        {
            ["parameters"] = WorkflowNameParameter(),
            ["get"] = Operation("getWorkflow", WorkflowsTag, "Reads a workflow's current version (ETag: its version).",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The workflow.", WorkflowSchema()) }, 404)),
            ["put"] = Operation("saveWorkflow", WorkflowsTag,
                "Validates the document and saves it as the workflow's next version (201 for version 1). Send the version " +
                "read in If-Match or ?version= (0: must not exist) to refuse a stale save (409). Invalid documents are " +
                "answered with 422, code workflow.invalid, one error per problem with its JSON pointer; nothing is written.",
                WithProblems(
                    new JsonObject
                    {
                        ["200"] = JsonResponse("The saved version.", WorkflowSchema()),
                        ["201"] = JsonResponse("The first version.", WorkflowSchema()),
                    },
                    400, 409, 413, 415, 422),
                parameters: [ParameterRef("IfMatch"), QueryParameter("version", "The version read.", Type("integer"))],
                requestBody: JsonBody("The workflow document (see GET /api/workflows/schema).", Type("object"))),
            ["delete"] = Operation("deleteWorkflow", WorkflowsTag,
                "Deletes a workflow softly: disabled and marked deleted; its versions stay readable for its runs.",
                WithProblems(new JsonObject { ["204"] = new JsonObject { ["description"] = "Deleted." } }, 400, 404, 409),
                parameters: [ParameterRef("IfMatch"), QueryParameter("version", "The version read.", Type("integer"))]),
        };
        foreach (var (action, summary) in (ReadOnlySpan<(string, string)>)[("enable", "Enables a workflow: new runs start."), ("disable", "Disables a workflow: no new runs start.")])
        {
            paths["/api/workflows/{name}/" + action] = new JsonObject
            {
                ["parameters"] = WorkflowNameParameter(),
                ["post"] = Operation(action + "Workflow", WorkflowsTag, summary,
                    WithProblems(new JsonObject { ["200"] = JsonResponse("The workflow.", WorkflowSchema()) }, 404)),
            };
        }

        paths["/api/workflows/{name}/versions"] = new JsonObject
        {
            ["parameters"] = WorkflowNameParameter(),
            ["get"] = Operation("listWorkflowVersions", WorkflowsTag, "Lists every version of a workflow, oldest first.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The versions.", WorkflowItems(WorkflowSummarySchema())) }, 404)),
        };
        paths["/api/workflows/{name}/versions/{version}"] = new JsonObject
        {
            ["parameters"] = new JsonArray(
                PathParameter("name", "The workflow name.", Type("string")),
                PathParameter("version", "The version.", new JsonObject { ["type"] = "integer", ["minimum"] = 1 })),
            ["get"] = Operation("getWorkflowVersion", WorkflowsTag, "Reads one version of a workflow, deleted workflows included.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The version.", WorkflowSchema()) }, 404)),
        };
    }

    private static JsonArray WorkflowNameParameter() => [PathParameter("name", "The workflow name.", Type("string"))];

    private static JsonObject WorkflowItems(JsonObject item) =>
        ObjectSchema(new JsonObject { ["items"] = new JsonObject { ["type"] = "array", ["items"] = item } }, "items");

    private static JsonObject WorkflowStateProperties() => new()
    {
        ["name"] = Type("string"),
        ["version"] = Type("integer"),
        ["enabled"] = Type("boolean"),
        ["deleted"] = Type("boolean"),
        ["createdAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        ["createdBy"] = Type("string"),
    };

    private static JsonObject WorkflowSchema()
    {
        var properties = WorkflowStateProperties();
        properties["document"] = Type("object");
        return ObjectSchema(properties, "name", "version", "enabled", "deleted", "createdAt", "createdBy", "document");
    }

    private static JsonObject WorkflowSummarySchema()
    {
        var properties = WorkflowStateProperties();
        properties["title"] = Type("string");
        properties["trigger"] = ObjectSchema(new JsonObject { ["type"] = Type("string"), ["entity"] = Type("string") }, "type");
        properties["steps"] = Type("integer");
        return ObjectSchema(properties, "name", "version", "enabled", "deleted", "createdAt", "createdBy", "trigger", "steps");
    }
}
