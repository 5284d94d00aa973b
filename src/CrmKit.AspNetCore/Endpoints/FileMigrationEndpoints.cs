using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Files;
using CrmKit.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// Migrations of attachment content between file stores, run by the server in the background (the stores and their
/// credentials are the server's): <c>POST /api/files/migrations</c> starts one, <c>GET</c> and <c>DELETE</c> on
/// <c>/api/files/migrations/current</c> show and cancel it. <c>crmkit files migrate</c> drives these.
/// </summary>
internal static class FileMigrationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/files/migrations", (Delegate)StartAsync);
        endpoints.MapGet("/api/files/migrations/current", (Delegate)GetAsync);
        endpoints.MapDelete("/api/files/migrations/current", (Delegate)CancelAsync);
    }

    private static async Task<IResult> StartAsync(HttpContext context)
    {
        var body = await ApiRequest.ReadJsonAsync(context);
        if (body is not JsonObject json || json["to"] is not JsonValue to || !to.TryGetValue(out string? target) || string.IsNullOrWhiteSpace(target))
        {
            throw ApiErrors.InvalidBody([new Sdk.Errors.CrmError("request.required", "/to", Resources.ApiMessages.Text("files.migration_target_required"))]);
        }

        var principal = await ApiRequest.GetPrincipalAsync(context);
        var status = await ApiRequest.GetService<IFileMigrationService>(context).StartAsync(principal, target, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status202Accepted, w => Write(w, status))
        {
            Location = context.Request.PathBase.Add("/api/files/migrations/current").ToString(),
        };
    }

    private static async Task<IResult> GetAsync(HttpContext context)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var status = ApiRequest.GetService<IFileMigrationService>(context).GetCurrent(principal);
        return new JsonWriterResult(StatusCodes.Status200OK, w => Write(w, status));
    }

    private static async Task<IResult> CancelAsync(HttpContext context)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var status = ApiRequest.GetService<IFileMigrationService>(context).Cancel(principal);
        return new JsonWriterResult(StatusCodes.Status200OK, w => Write(w, status));
    }

    private static void Write(Utf8JsonWriter w, FileMigrationStatus status)
    {
        w.WriteStartObject();
        w.WriteString("id", status.Id.ToString("D"));
        w.WriteString("to", status.Target);
        w.WriteString("state", status.State);
        w.WriteNumber("total", status.Total);
        w.WriteNumber("moved", status.Moved);
        w.WriteNumber("failed", status.Failed);
        w.WriteNumber("sourceLeft", status.SourceLeft);
        w.WriteStartArray("errors");
        foreach (var error in status.Errors)
        {
            w.WriteStringValue(error);
        }

        w.WriteEndArray();
        w.WriteString("startedAt", CanonicalInstant.ToText(status.StartedAt));
        if (status.FinishedAt is { } finished)
        {
            w.WriteString("finishedAt", CanonicalInstant.ToText(finished));
        }
        else
        {
            w.WriteNull("finishedAt");
        }

        w.WriteEndObject();
    }
}
