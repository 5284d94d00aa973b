using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.Core.Security;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Storage;
using CrmKit.Core.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// Workflow definitions: <c>GET /api/workflows[?entity=&amp;deleted=]</c>, <c>GET /api/workflows/schema</c>,
/// <c>GET|PUT|DELETE /api/workflows/{name}</c>, <c>POST /api/workflows/{name}/enable|disable</c> and
/// <c>GET /api/workflows/{name}/versions[/{version}]</c>. A PUT body is the workflow document itself; the version it
/// expects comes in <c>If-Match</c> or <c>?version=</c> (0: the workflow must not exist).
/// </summary>
internal static class WorkflowEndpoints
{
    private const string VersionParameter = "version";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var workflows = endpoints.MapGroup("/api/workflows");
        workflows.MapGet("", (Func<HttpContext, Task<IResult>>)ListAsync);
        workflows.MapGet("/schema", (Func<HttpContext, Task<IResult>>)GetSchemaAsync);
        workflows.MapGet("/{name}", GetAsync);
        workflows.MapPut("/{name}", SaveAsync);
        workflows.MapDelete("/{name}", DeleteAsync);
        workflows.MapPost("/{name}/enable", (HttpContext context, string name) => SetEnabledAsync(context, name, true));
        workflows.MapPost("/{name}/disable", (HttpContext context, string name) => SetEnabledAsync(context, name, false));
        workflows.MapGet("/{name}/versions", GetVersionsAsync);
        workflows.MapGet("/{name}/versions/{version}", GetVersionAsync);
    }

    // Every call resolves the principal so that a host's resolver refuses callers it does not know.
    private static async Task<IResult> ListAsync(HttpContext context)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.WorkflowsManage);
        var entity = context.Request.Query["entity"] is { Count: 1 } values ? values[0] : null;
        var deleted = RecordQueryParameters.ParseBoolean(context.Request, "deleted");
        var list = await Definitions(context).ListAsync(entity, deleted, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var definition in list)
            {
                WriteSummary(w, definition);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> GetSchemaAsync(HttpContext context)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        var schema = Definitions(context).GetSchema();
        return new JsonWriterResult(StatusCodes.Status200OK, w => schema.WriteTo(w));
    }

    private static async Task<IResult> GetAsync(HttpContext context, string name)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.WorkflowsManage);
        return Single(StatusCodes.Status200OK, await Definitions(context).GetAsync(name, null, context.RequestAborted));
    }

    private static async Task<IResult> SaveAsync(HttpContext context, string name)
    {
        var expected = ExpectedVersion(context.Request);
        var body = await ApiRequest.ReadJsonAsync(context);
        if (body is not JsonObject document)
        {
            throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject(string.Empty)]);
        }

        // The address names the workflow; a document may leave its name out, but must not name another one.
        if (!document.ContainsKey("name"))
        {
            document["name"] = name;
        }
        else if (document["name"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String ||
                 value.GetValue<string>() != name)
        {
            throw ApiErrors.InvalidBody([ApiErrors.MemberMismatch("/name")]);
        }

        var principal = await ApiRequest.GetPrincipalAsync(context);
        var saved = await Definitions(context).SaveAsync(document, expected, principal, context.RequestAborted);
        var created = saved.Version == 1;
        return new JsonWriterResult(created ? StatusCodes.Status201Created : StatusCodes.Status200OK, w => Write(w, saved))
        {
            ETag = IfMatchHeader.Format(saved.Version),
            Location = created ? context.Request.PathBase.Add(context.Request.Path).ToString() : null,
        };
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string name)
    {
        var expected = ExpectedVersion(context.Request);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        await Definitions(context).DeleteAsync(name, expected, principal, context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> SetEnabledAsync(HttpContext context, string name, bool enabled)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        return Single(StatusCodes.Status200OK, await Definitions(context).SetEnabledAsync(name, enabled, principal, context.RequestAborted));
    }

    private static async Task<IResult> GetVersionsAsync(HttpContext context, string name)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.WorkflowsManage);
        var versions = await Definitions(context).GetVersionsAsync(name, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var definition in versions)
            {
                WriteSummary(w, definition);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> GetVersionAsync(HttpContext context, string name, string version)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.WorkflowsManage);
        if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw ApiErrors.RouteNotFound();
        }

        return Single(StatusCodes.Status200OK, await Definitions(context).GetAsync(name, number, context.RequestAborted));
    }

    /// <summary>The version from <c>If-Match</c> or <c>?version=</c>; both must agree when both are sent.</summary>
    private static long? ExpectedVersion(HttpRequest request)
    {
        var header = IfMatchHeader.Parse(request);
        long? query = null;
        var values = request.Query[VersionParameter];
        if (values.Count > 1)
        {
            throw ApiErrors.DuplicateParameter(VersionParameter);
        }

        if (values.Count == 1)
        {
            query = long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw ApiErrors.InvalidVersion();
        }

        if (header is not null && query is not null && header != query)
        {
            throw ApiErrors.VersionMismatch();
        }

        return header ?? query;
    }

    private static JsonWriterResult Single(int status, WorkflowDefinition definition) =>
        new(status, w => Write(w, definition)) { ETag = IfMatchHeader.Format(definition.Version) };

    /// <summary>One version in full: its state and the document.</summary>
    private static void Write(Utf8JsonWriter writer, WorkflowDefinition definition)
    {
        writer.WriteStartObject();
        WriteState(writer, definition);
        writer.WritePropertyName("document");
        definition.Document.WriteTo(writer);
        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, WorkflowDefinition definition)
    {
        writer.WriteStartObject();
        WriteState(writer, definition);
        if (definition.Title is { } title)
        {
            writer.WriteString("title", title);
        }

        writer.WriteStartObject("trigger");
        writer.WriteString("type", definition.Trigger.Type);
        if (definition.Trigger.Entity is { } entity)
        {
            writer.WriteString("entity", entity);
        }

        writer.WriteEndObject();
        writer.WriteNumber("steps", definition.Steps.Count);
        writer.WriteEndObject();
    }

    private static void WriteState(Utf8JsonWriter writer, WorkflowDefinition definition)
    {
        writer.WriteString("name", definition.Name);
        writer.WriteNumber("version", definition.Version);
        writer.WriteBoolean("enabled", definition.Enabled);
        writer.WriteBoolean("deleted", definition.Deleted);
        writer.WriteString("createdAt", CanonicalInstant.ToText(definition.CreatedAt));
        writer.WriteString("createdBy", definition.CreatedBy);
    }

    private static IWorkflowDefinitionService Definitions(HttpContext context) =>
        ApiRequest.GetService<IWorkflowDefinitionService>(context);
}
