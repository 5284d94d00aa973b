using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The outbox admin paths: list, read and requeue jobs; queue diagnostic jobs (docs/outbox.md).</summary>
internal static partial class OpenApiDocumentBuilder
{
    private const string OutboxTag = "outbox";

    private static void AddOutboxPaths(JsonObject paths, JsonObject schemas)
    {
        schemas["OutboxJob"] = OutboxJobSchema();
        var job = SchemaRef("OutboxJob");
        paths["/api/outbox"] = new JsonObject
        {
            ["get"] = Operation("listOutboxJobs", OutboxTag,
                "Lists outbox jobs in queue (id) order, without payloads, with the count of every state. Page on with " +
                "after = the last id.",
                WithProblems(new JsonObject
                {
                    ["200"] = JsonResponse("The jobs and the counts.", ObjectSchema(
                        new JsonObject
                        {
                            ["items"] = new JsonObject { ["type"] = "array", ["items"] = job.DeepClone() },
                            ["counts"] = ObjectSchema(
                                new JsonObject
                                {
                                    ["pending"] = Type("integer"), ["running"] = Type("integer"),
                                    ["done"] = Type("integer"), ["dead"] = Type("integer"),
                                },
                                "pending", "running", "done", "dead"),
                        },
                        "items", "counts")),
                }, 400),
                parameters:
                [
                    QueryParameter("state", "Only jobs in this state (400 outbox.invalid_state for others).", OutboxStateSchema()),
                    QueryParameter("after", "Only jobs after this id (keyset paging).", new JsonObject { ["type"] = "string", ["format"] = "uuid" }),
                    QueryParameter("limit", "At most this many, 1..500 (default 50).",
                        new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 500, ["default"] = 50 }),
                ]),
            ["post"] = Operation("enqueueDiagnosticOutboxJobs", OutboxTag,
                "Diagnostics and tests only: queues count jobs of a diagnostic kind in one transaction. 404 " +
                "outbox.diagnostics_disabled unless CrmKit:Outbox:DiagnosticJobs is on; 400 outbox.kind_not_allowed for other kinds.",
                WithProblems(new JsonObject
                {
                    ["202"] = JsonResponse("Queued.", ObjectSchema(
                        new JsonObject
                        {
                            ["queued"] = Type("integer"),
                            ["first"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                            ["last"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                        },
                        "queued", "first", "last")),
                }, 400, 404, 413, 415),
                requestBody: JsonBody("The kind, how many and their payload.", ObjectSchema(
                    new JsonObject
                    {
                        ["kind"] = new JsonObject
                        {
                            ["type"] = "string",
                            ["enum"] = new JsonArray("diagnostics.noop", "diagnostics.record_effect", "diagnostics.fail"),
                        },
                        ["count"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 10_000, ["default"] = 1 },
                        ["payload"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["description"] = "Every job's payload: delayMs makes each take that long, maxAttempts sets the attempts.",
                        },
                    },
                    "kind"))),
        };
        paths["/api/outbox/{id}"] = new JsonObject
        {
            ["parameters"] = OutboxIdParameter(),
            ["get"] = Operation("getOutboxJob", OutboxTag, "Reads one job with its payload and last error.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The job.", job.DeepClone().AsObject()) }, 404)),
        };
        paths["/api/outbox/{id}/requeue"] = new JsonObject
        {
            ["parameters"] = OutboxIdParameter(),
            ["post"] = Operation("requeueOutboxJob", OutboxTag,
                "Puts a dead job back in the queue, due now, with its attempts reset (its idempotency key stays). 409 " +
                "outbox.not_dead for a job in another state.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The requeued job.", job.DeepClone().AsObject()) }, 404, 409)),
        };
    }

    private static JsonArray OutboxIdParameter() =>
        [PathParameter("id", "The job id.", new JsonObject { ["type"] = "string", ["format"] = "uuid" })];

    private static JsonObject OutboxStateSchema() =>
        new() { ["type"] = "string", ["enum"] = new JsonArray("pending", "running", "done", "dead") };

    private static JsonObject OutboxJobSchema()
    {
        JsonObject Nullable(string type, string? format = null)
        {
            var schema = new JsonObject { ["type"] = new JsonArray(type, "null") };
            if (format is not null)
            {
                schema["format"] = format;
            }

            return schema;
        }

        return ObjectSchema(
            new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                ["kind"] = new JsonObject { ["type"] = "string", ["description"] = "pipeline.post_commit, workflow.step, diagnostics.noop..." },
                ["state"] = OutboxStateSchema(),
                ["attempts"] = new JsonObject { ["type"] = "integer", ["description"] = "Attempts started (a running job counts its current one)." },
                ["maxAttempts"] = Type("integer"),
                ["idempotencyKey"] = Type("string"),
                ["correlationId"] = Nullable("string"),
                ["createdAt"] = DateTime(),
                ["dueAt"] = new JsonObject
                {
                    ["type"] = "string",
                    ["format"] = "date-time",
                    ["description"] = "Pending: when the next attempt is due. Running: when the lease expires.",
                },
                ["finishedAt"] = Nullable("string", "date-time"),
                ["owner"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "The dispatcher that holds (or last held) it." },
                ["lastError"] = Nullable("string"),
                ["note"] = Nullable("string"),
                ["payload"] = new JsonObject { ["type"] = "object", ["description"] = "Only in GET /api/outbox/{id} and requeue answers." },
            },
            "id", "kind", "state", "attempts", "maxAttempts", "idempotencyKey", "correlationId", "createdAt", "dueAt",
            "finishedAt", "owner", "lastError", "note");
    }
}
