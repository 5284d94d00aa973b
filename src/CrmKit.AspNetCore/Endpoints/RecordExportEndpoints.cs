using System.Text;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Problems;
using CrmKit.AspNetCore.Resources;
using CrmKit.Core.Metadata;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// <c>GET /api/records/{entity}/export[?filter=&amp;sort=&amp;select=&amp;delimiter=,|;|tab]</c>: the records as CSV
/// (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs detect it), streamed page by page. It needs the
/// export permission, whose scope chooses the rows; fields the caller may not read are left out.
/// </summary>
internal static class RecordExportEndpoints
{
    private const int PageSize = RecordQuery.MaxLimit;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/records/{entity}/export", ExportAsync);

    private static async Task ExportAsync(HttpContext context, string entity)
    {
        var request = context.Request;
        var format = RecordQueryParameters.Optional(request, "format") ?? "csv";
        if (format != "csv")
        {
            throw Invalid("export.invalid_format", "/format", format);
        }

        var delimiter = (RecordQueryParameters.Optional(request, "delimiter") ?? ",") switch
        {
            "," => ',',
            ";" => ';',
            "tab" => '\t',
            _ => throw Invalid("export.invalid_delimiter", "/delimiter"),
        };
        var parsed = RecordQueryParameters.ParseQuery(request);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var records = ApiRequest.GetService<IRecordService>(context);
        // The select goes to the service too, so that unknown and hidden fields are refused as in a query.
        var query = new RecordQuery { Filter = parsed.Filter, Sort = parsed.Sort, Select = parsed.Select, Limit = PageSize, Export = true };

        // The first page is read before anything is written, so that a refusal is still a clean problem response.
        var page = await records.QueryAsync(principal, entity, query, context.RequestAborted);
        var access = ApiRequest.GetService<Core.Security.IAccessControl>(context).Describe(principal);
        var hidden = access["entities"]?[entity]?["fields"]?.AsObject()
            .Where(f => (string?)f.Value == "hidden").Select(f => f.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var definition = ApiRequest.GetService<IMetadataService>(context).GetEntity(entity);
        var columns = parsed.Select is { Count: > 0 } select
            ? [SystemFields.Id, .. select.Where(s => s != SystemFields.Id)]
            : Columns(definition, hidden);

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{entity}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
        var line = new StringBuilder();
        CsvLine.Write(line, columns, delimiter);
        await writer.WriteAsync(line, context.RequestAborted);
        while (true)
        {
            foreach (var record in page.Items)
            {
                line.Clear();
                CsvLine.Write(line, columns.Select(c => CsvLine.Cell(record, c)), delimiter);
                await writer.WriteAsync(line, context.RequestAborted);
            }

            if (page.NextCursor is null)
            {
                break;
            }

            query = new RecordQuery
            {
                Filter = parsed.Filter, Sort = parsed.Sort, Select = parsed.Select, Limit = PageSize, Export = true, After = page.NextCursor,
            };
            page = await records.QueryAsync(principal, entity, query, context.RequestAborted);
        }
    }

    private static List<string> Columns(EntityDefinition definition, HashSet<string> hidden)
    {
        List<string> columns = [SystemFields.Id, SystemFields.OwnerId, SystemFields.CreatedAt, SystemFields.UpdatedAt];
        columns.AddRange(definition.Fields.Select(f => f.Name).Where(n => !SystemFields.Contains(n) && !hidden.Contains(n)));
        return columns;
    }

    private static ApiProblemException Invalid(string code, string pointer, params object?[] args)
    {
        var text = ApiMessages.Text(code, args);
        return new ApiProblemException(400, code, text, [new CrmError(code, pointer, text)]);
    }
}
