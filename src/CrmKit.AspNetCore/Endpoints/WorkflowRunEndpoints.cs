using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.Core.Security;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.AspNetCore.Security;
using CrmKit.Core.Storage;
using CrmKit.Core.Workflows.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// The runs journal: <c>POST /api/workflows/{name}/runs</c> (manual start), <c>GET /api/workflows/{name}/runs</c>,
/// <c>GET /api/workflow-runs/{id}</c> (with steps) and <c>POST /api/workflow-runs/{id}/retry</c>.
/// </summary>
internal static class WorkflowRunEndpoints
{
    private const int DefaultLimit = 50;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/workflows/{name}/runs", StartAsync).WithMetadata(new RequiredApiKeyScope(Core.Security.ApiKeyScopes.Write));
        endpoints.MapGet("/api/workflows/{name}/runs", ListAsync);
        endpoints.MapGet("/api/workflow-runs/{id:guid}", GetAsync);
        endpoints.MapPost("/api/workflow-runs/{id:guid}/retry", RetryAsync);
    }

    private static async Task<IResult> StartAsync(HttpContext context, string name)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        string? entity = null;
        Guid? recordId = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = await ApiRequest.ReadJsonAsync(context) as JsonObject
                ?? throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject("")]);
            entity = ReadString(body, "entity");
            var id = ReadString(body, "recordId");
            if (id is not null)
            {
                recordId = Guid.TryParse(id, out var parsed) ? parsed : throw ApiErrors.InvalidBody([ApiErrors.InvalidConversion("/recordId")]);
            }

            if ((entity is null) != (recordId is null))
            {
                throw ApiErrors.InvalidBody([ApiErrors.MemberRequired(entity is null ? "/entity" : "/recordId")]);
            }
        }

        var run = await Runs(context).StartAsync(name, entity, recordId, principal, context.RequestAborted);
        context.Response.Headers.Location = "/api/workflow-runs/" + run.Id.ToString("D");
        return new JsonWriterResult(StatusCodes.Status201Created, w => WriteRun(w, run, null));
    }

    private static async Task<IResult> ListAsync(HttpContext context, string name)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.WorkflowsManage);
        var status = context.Request.Query["status"].ToString();
        var limitText = context.Request.Query["limit"].ToString();
        var limit = DefaultLimit;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000))
        {
            throw ApiErrors.InvalidLimit();
        }

        var runs = await Runs(context).ListAsync(name, status.Length == 0 ? null : status, limit, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var run in runs)
            {
                WriteRun(w, run, null);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(HttpContext context, Guid id)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.WorkflowsManage);
        var (run, steps) = await Runs(context).GetAsync(id, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w => WriteRun(w, run, steps));
    }

    private static async Task<IResult> RetryAsync(HttpContext context, Guid id)
    {
        var principal = await ApiRequest.DemandAsync(context, CrmPrivileges.WorkflowsManage);
        var run = await Runs(context).RetryAsync(id, principal, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w => WriteRun(w, run, null));
    }

    private static string? ReadString(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => throw ApiErrors.InvalidBody([ApiErrors.ExpectedString("/" + name)]),
    };

    private static void WriteRun(Utf8JsonWriter w, StoredWorkflowRun run, IReadOnlyList<StoredWorkflowStep>? steps)
    {
        w.WriteStartObject();
        w.WriteString("id", run.Id.ToString("D"));
        w.WriteString("workflow", run.Workflow);
        w.WriteNumber("version", run.WorkflowVersion);
        w.WriteString("status", run.Status);
        w.WriteString("trigger", run.TriggerType);
        w.WriteString("entity", run.Entity);
        w.WriteString("recordId", run.RecordId?.ToString("D"));
        w.WriteString("stepId", run.StepId);
        w.WriteNumber("stepIndex", run.StepIndex);
        w.WriteString("error", run.Error);
        w.WriteString("createdAt", CanonicalInstant.ToText(run.CreatedAt));
        w.WriteString("updatedAt", CanonicalInstant.ToText(run.UpdatedAt));
        w.WriteString("finishedAt", run.FinishedAt is { } f ? CanonicalInstant.ToText(f) : null);
        if (steps is not null)
        {
            w.WriteStartArray("steps");
            foreach (var step in steps)
            {
                w.WriteStartObject();
                w.WriteString("id", step.StepId);
                w.WriteNumber("index", step.StepIndex);
                w.WriteString("action", step.Action);
                w.WriteString("status", step.Status);
                w.WriteNumber("attempts", step.Attempts);
                w.WriteString("startedAt", CanonicalInstant.ToText(step.StartedAt));
                w.WriteString("finishedAt", CanonicalInstant.ToText(step.FinishedAt));
                w.WriteNumber("durationMs", (long)(step.FinishedAt - step.StartedAt).TotalMilliseconds);
                WriteJson(w, "input", step.Input);
                WriteJson(w, "output", step.Output);
                w.WriteString("error", step.Error);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    // Summaries are JSON unless they were shortened; a shortened one is written as a string.
    private static void WriteJson(Utf8JsonWriter w, string name, string? json)
    {
        if (json is null)
        {
            w.WriteNull(name);
            return;
        }

        try
        {
            w.WritePropertyName(name);
            JsonNode.Parse(json)!.WriteTo(w);
        }
        catch (JsonException)
        {
            w.WriteStringValue(json);
        }
    }

    private static IWorkflowRunService Runs(HttpContext context) => ApiRequest.GetService<IWorkflowRunService>(context);
}
