using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.Core.Security;
using CrmKit.AspNetCore.Json;
using CrmKit.Core.Outbox;
using CrmKit.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// The outbox admin API: <c>GET /api/outbox?state=dead&amp;after=&amp;limit=</c>, <c>GET /api/outbox/{id}</c>,
/// <c>POST /api/outbox/{id}/requeue</c>, and — only with <c>CrmKit:Outbox:DiagnosticJobs</c> on —
/// <c>POST /api/outbox {"kind": "diagnostics.record_effect", "count": 1000}</c> to queue diagnostic jobs.
/// </summary>
internal static class OutboxEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var outbox = endpoints.MapGroup("/api/outbox");
        outbox.MapGet("", (Func<HttpContext, Task<IResult>>)ListAsync);
        outbox.MapPost("", (Func<HttpContext, Task<IResult>>)EnqueueAsync);
        outbox.MapGet("/{id:guid}", GetAsync);
        outbox.MapPost("/{id:guid}/requeue", RequeueAsync);
    }

    // Every call resolves the principal so that a host's resolver refuses callers it does not know; roles are not
    // decided here yet (as for the plugin endpoints).
    private static async Task<IResult> ListAsync(HttpContext context)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.OutboxManage);
        var query = context.Request.Query;
        OutboxJobState? state = query["state"].Count > 0 ? OutboxJobStates.Parse(query["state"].ToString()) : null;
        Guid? after = Guid.TryParse(query["after"].ToString(), out var a) ? a : null;
        var limit = DefaultLimit;
        if (query["limit"].Count > 0 && (!int.TryParse(query["limit"].ToString(), out limit) || limit < 1 || limit > MaxLimit))
        {
            throw Problems.ApiErrors.InvalidLimit();
        }

        var admin = ApiRequest.GetService<IOutboxAdmin>(context);
        var jobs = await admin.ListAsync(state, after, limit, context.RequestAborted);
        var counts = await admin.CountAsync(context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var job in jobs)
            {
                Write(w, job, payload: false);
            }

            w.WriteEndArray();
            w.WriteStartObject("counts");
            foreach (var (s, count) in counts)
            {
                w.WriteNumber(OutboxJobStates.ToText(s), count);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(HttpContext context, Guid id)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.OutboxManage);
        var job = await ApiRequest.GetService<IOutboxAdmin>(context).GetAsync(id, context.RequestAborted)
            ?? throw OutboxJobStates.JobNotFound(id);
        return new JsonWriterResult(StatusCodes.Status200OK, w => Write(w, job, payload: true));
    }

    private static async Task<IResult> RequeueAsync(HttpContext context, Guid id)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.OutboxManage);
        var job = await ApiRequest.GetService<IOutboxAdmin>(context).RequeueAsync(id, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w => Write(w, job, payload: true));
    }

    private static async Task<IResult> EnqueueAsync(HttpContext context)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.OutboxManage);
        var body = await ApiRequest.ReadJsonAsync(context) as JsonObject;
        var kind = body?["kind"] is JsonValue k && k.TryGetValue(out string? text) ? text : "";
        var count = body?["count"] is JsonValue c && c.TryGetValue(out int n) ? n : 1;
        var ids = await ApiRequest.GetService<IOutboxAdmin>(context).EnqueueDiagnosticAsync(
            kind, count, body?["payload"] as JsonObject, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status202Accepted, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("queued", ids.Count);
            w.WriteString("first", ids[0]);
            w.WriteString("last", ids[^1]);
            w.WriteEndObject();
        });
    }

    private static void Write(Utf8JsonWriter w, OutboxJob job, bool payload)
    {
        w.WriteStartObject();
        w.WriteString("id", job.Id);
        w.WriteString("kind", job.Kind);
        w.WriteString("state", OutboxJobStates.ToText(job.State));
        w.WriteNumber("attempts", job.Attempts);
        w.WriteNumber("maxAttempts", job.MaxAttempts);
        w.WriteString("idempotencyKey", job.IdempotencyKey);
        w.WriteString("correlationId", job.CorrelationId);
        w.WriteString("createdAt", CanonicalInstant.ToText(job.CreatedAt));
        w.WriteString("dueAt", CanonicalInstant.ToText(job.DueAt));
        w.WriteString("finishedAt", job.FinishedAt is { } f ? CanonicalInstant.ToText(f) : null);
        w.WriteString("owner", job.Owner);
        w.WriteString("lastError", job.LastError);
        w.WriteString("note", job.Note);
        if (payload)
        {
            w.WritePropertyName("payload");
            w.WriteRawValue(job.Payload);
        }

        w.WriteEndObject();
    }
}
