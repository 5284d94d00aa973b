using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Problems;
using CrmKit.AspNetCore.Resources;
using CrmKit.Core.Modules;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// <c>GET /api/integrations/accounting/{format}/export[?entity=&amp;since=&amp;id=&amp;filter=]</c>: the records written
/// by the accounting exporter of that format (<see cref="IAccountingExporter"/>, for example <c>commerceml-2.10</c>),
/// streamed page by page from the store with the caller's export permission. <c>since</c> keeps records changed at or
/// after a date or date-time, <c>id</c> one record, <c>filter</c> adds any filter (docs/filter-syntax.md).
/// </summary>
internal static class AccountingExportEndpoints
{
    private const int PageSize = 200;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/integrations/accounting/{format}/export", ExportAsync);

    private static async Task ExportAsync(HttpContext context, string format)
    {
        var extensions = ApiRequest.GetService<ICrmExtensions>(context);
        if (!extensions.TryGet<IAccountingExporter>(format, out var exporter))
        {
            throw new ApiProblemException(404, "export.format_not_found", ApiMessages.Text("export.format_not_found", format));
        }

        var descriptor = exporter.Descriptor;
        var request = context.Request;
        var entity = RecordQueryParameters.Optional(request, "entity") ?? (descriptor.Entities.Count > 0 ? descriptor.Entities[0] : null)
            ?? throw Invalid("export.entity_required", "/entity");
        if (descriptor.Entities.Count > 0 && !descriptor.Entities.Contains(entity, StringComparer.Ordinal))
        {
            throw Invalid("export.entity_not_supported", "/entity", entity, format);
        }

        var filters = new List<string>();
        if (RecordQueryParameters.Optional(request, "since") is { } since)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
            {
                throw Invalid("export.invalid_since", "/since", since);
            }

            filters.Add("updated_at ge " + from.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        }

        if (RecordQueryParameters.Optional(request, "id") is { } id)
        {
            if (!Guid.TryParse(id, out var recordId))
            {
                throw Invalid("export.invalid_id", "/id", id);
            }

            filters.Add("id eq " + recordId.ToString("D"));
        }

        if (RecordQueryParameters.Optional(request, "filter") is { Length: > 0 } filter)
        {
            filters.Add("(" + filter + ")");
        }

        var principal = await ApiRequest.GetPrincipalAsync(context);
        var records = ApiRequest.GetService<IRecordService>(context);
        var query = new RecordQuery { Filter = filters.Count == 0 ? null : string.Join(" and ", filters), Limit = PageSize, Export = true };

        // The first page is read before anything is written, so that a refusal (an unknown entity, a bad filter, no
        // export permission) is still a clean problem response.
        var first = await records.QueryAsync(principal, entity, query, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = descriptor.ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{entity}{descriptor.FileExtension}\"";
        var exportContext = new AccountingExportContext
        {
            Principal = principal,
            Entity = entity,
            Records = Stream(records, principal, entity, query, first, context.RequestAborted),
            Settings = [],
            Services = context.RequestServices,
        };
        await exporter.ExportAsync(exportContext, context.Response.Body, context.RequestAborted);
    }

    private static async IAsyncEnumerable<Sdk.Records.CrmRecord> Stream(
        IRecordService records, CrmPrincipal principal, string entity, RecordQuery query, RecordPage page,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            foreach (var record in page.Items)
            {
                yield return record;
            }

            if (page.NextCursor is null)
            {
                yield break;
            }

            page = await records.QueryAsync(
                principal, entity, new RecordQuery { Filter = query.Filter, Limit = PageSize, Export = true, After = page.NextCursor }, cancellationToken);
        }
    }

    private static ApiProblemException Invalid(string code, string pointer, params object?[] args)
    {
        var text = ApiMessages.Text(code, args);
        return new ApiProblemException(400, code, text, [new CrmError(code, pointer, text)]);
    }
}
