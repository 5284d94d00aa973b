using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The workflow runs journal paths (<c>/api/workflows/{name}/runs</c>, <c>/api/workflow-runs/...</c>).</summary>
internal static partial class OpenApiDocumentBuilder
{
    private static void AddWorkflowRunPaths(JsonObject paths)
    {
        paths["/api/workflows/{name}/runs"] = new JsonObject
        {
            ["parameters"] = new JsonArray(PathParameter("name", "The workflow name.", Type("string"))),
            ["get"] = Operation("listWorkflowRuns", WorkflowsTag, "Lists the workflow's runs, newest first.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The runs.", RunItems()) }, 400),
                parameters: [
                    QueryParameter("status", "Only runs in this status (pending, running, completed, failed).", Type("string")),
                    QueryParameter("limit", "At most this many (1 to 1000).", new JsonObject { ["type"] = "integer", ["default"] = 50 }),
                ]),
            ["post"] = Operation("startWorkflowRun", WorkflowsTag,
                "Starts an enabled workflow now (manual/API start), optionally for a record; its first step is queued.",
                WithProblems(new JsonObject { ["201"] = JsonResponse("The new run.", RunSchema(withSteps: false)) }, 400, 404),
                requestBody: JsonBody("Optional: the record the run is for.", ObjectSchema(new JsonObject
                {
                    ["entity"] = Type("string"),
                    ["recordId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                }))),
        };
        var runId = new JsonArray(PathParameter("id", "The run id.", new JsonObject { ["type"] = "string", ["format"] = "uuid" }));
        paths["/api/workflow-runs/{id}"] = new JsonObject
        {
            ["parameters"] = runId,
            ["get"] = Operation("getWorkflowRun", WorkflowsTag, "Reads a run with its journaled steps.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The run.", RunSchema(withSteps: true)) }, 404)),
        };
        paths["/api/workflow-runs/{id}/retry"] = new JsonObject
        {
            ["parameters"] = runId.DeepClone(),
            ["post"] = Operation("retryWorkflowRun", WorkflowsTag,
                "Restarts a failed run from its failed step, with the workflow version it started with (409 unless failed).",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The run, running again.", RunSchema(withSteps: false)) }, 404, 409)),
        };
    }

    private static JsonObject RunItems() =>
        ObjectSchema(new JsonObject { ["items"] = new JsonObject { ["type"] = "array", ["items"] = RunSchema(withSteps: false) } }, "items");

    private static JsonObject RunSchema(bool withSteps)
    {
        var instant = new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        var properties = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
            ["workflow"] = Type("string"),
            ["version"] = Type("integer"),
            ["status"] = Type("string"),
            ["trigger"] = Type("string"),
            ["entity"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["recordId"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "uuid" },
            ["stepId"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["stepIndex"] = Type("integer"),
            ["error"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["createdAt"] = instant.DeepClone(),
            ["updatedAt"] = instant.DeepClone(),
            ["finishedAt"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" },
        };
        if (withSteps)
        {
            properties["steps"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = ObjectSchema(new JsonObject
                {
                    ["id"] = Type("string"),
                    ["index"] = Type("integer"),
                    ["action"] = Type("string"),
                    ["status"] = Type("string"),
                    ["attempts"] = Type("integer"),
                    ["startedAt"] = instant.DeepClone(),
                    ["finishedAt"] = instant.DeepClone(),
                    ["durationMs"] = Type("integer"),
                    ["input"] = new JsonObject(),
                    ["output"] = new JsonObject(),
                    ["error"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                }),
            };
        }

        return ObjectSchema(properties);
    }
}
