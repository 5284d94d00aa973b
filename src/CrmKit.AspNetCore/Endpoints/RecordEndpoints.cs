using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.AspNetCore.Security;
using CrmKit.Core.Security;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>The records endpoints: <c>/api/records/{entity}[/{id}[/restore|/messages/{name}]]</c>.</summary>
internal static class RecordEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var records = endpoints.MapGroup("/api/records/{entity}").WithMetadata(new RequiredApiKeyScope(ApiKeyScopes.Write));
        records.MapGet("", QueryAsync);
        records.MapPost("", CreateAsync);
        records.MapGet("/{id}", GetAsync);
        records.MapPatch("/{id}", UpdateAsync);
        records.MapDelete("/{id}", DeleteAsync);
        records.MapPost("/{id}/restore", RestoreAsync);
        records.MapPost("/{id}/messages/{name}", SendMessageAsync);
    }

    private static async Task<IResult> QueryAsync(HttpContext context, string entity)
    {
        var query = RecordQueryParameters.ParseQuery(context.Request);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var page = await ApiRequest.GetService<IRecordService>(context)
            .QueryAsync(principal, entity, query, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w => RecordJsonWriter.WritePage(w, page, query.Select));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, string entity)
    {
        var body = await ApiRequest.ReadJsonAsync(context);
        var (items, isBatch) = ReadCreateBody(body);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var created = await ApiRequest.GetService<IRecordService>(context)
            .CreateAsync(principal, entity, items, context.RequestAborted);
        if (isBatch)
        {
            return new JsonWriterResult(StatusCodes.Status201Created, w => RecordJsonWriter.WriteItems(w, created));
        }

        var record = created[0];
        return new JsonWriterResult(StatusCodes.Status201Created, w => RecordJsonWriter.Write(w, record))
        {
            Location = ApiRequest.ChildLocation(context, record.Id.ToString("D")),
            ETag = IfMatchHeader.Format(record.Version),
        };
    }

    private static async Task<IResult> GetAsync(HttpContext context, string entity, string id)
    {
        var recordId = ParseId(entity, id);
        var includeDeleted = RecordQueryParameters.ParseBoolean(context.Request, "deleted");
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var record = await ApiRequest.GetService<IRecordService>(context)
            .GetAsync(principal, entity, recordId, includeDeleted, context.RequestAborted)
            ?? throw ApiErrors.RecordNotFound(entity, id);
        return RecordResult(StatusCodes.Status200OK, record);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string entity, string id)
    {
        var recordId = ParseId(entity, id);
        var headerVersion = IfMatchHeader.Parse(context.Request);
        var body = await ApiRequest.ReadJsonAsync(context);
        if (body is not JsonObject changes)
        {
            throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject(string.Empty)]);
        }

        var bodyVersion = TakeVersion(changes);
        if (headerVersion is not null && bodyVersion is not null && headerVersion != bodyVersion)
        {
            throw ApiErrors.VersionMismatch();
        }

        var principal = await ApiRequest.GetPrincipalAsync(context);
        var record = await ApiRequest.GetService<IRecordService>(context)
            .UpdateAsync(principal, entity, recordId, changes, headerVersion ?? bodyVersion, context.RequestAborted);
        return RecordResult(StatusCodes.Status200OK, record);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string entity, string id)
    {
        var recordId = ParseId(entity, id);
        var expectedVersion = IfMatchHeader.Parse(context.Request);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        await ApiRequest.GetService<IRecordService>(context)
            .DeleteAsync(principal, entity, recordId, expectedVersion, context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> RestoreAsync(HttpContext context, string entity, string id)
    {
        var recordId = ParseId(entity, id);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var record = await ApiRequest.GetService<IRecordService>(context)
            .RestoreAsync(principal, entity, recordId, context.RequestAborted);
        return RecordResult(StatusCodes.Status200OK, record);
    }

    private static async Task<IResult> SendMessageAsync(HttpContext context, string entity, string id, string name)
    {
        var recordId = ParseId(entity, id);
        var body = await ApiRequest.ReadJsonAsync(context);
        if (body is not JsonObject input)
        {
            throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject(string.Empty)]);
        }

        var principal = await ApiRequest.GetPrincipalAsync(context);
        var output = await ApiRequest.GetService<IRecordService>(context)
            .SendMessageAsync(principal, entity, recordId, name, input, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("output");
            if (output is null)
            {
                w.WriteNullValue();
            }
            else
            {
                output.WriteTo(w);
            }

            w.WriteEndObject();
        });
    }

    private static JsonWriterResult RecordResult(int status, CrmRecord record) =>
        new(status, w => RecordJsonWriter.Write(w, record)) { ETag = IfMatchHeader.Format(record.Version) };

    private static Guid ParseId(string entity, string id) =>
        Guid.TryParseExact(id, "D", out var recordId) ? recordId : throw ApiErrors.RecordNotFound(entity, id);

    private static (IReadOnlyList<JsonObject> Items, bool IsBatch) ReadCreateBody(JsonNode? body)
    {
        switch (body)
        {
            case JsonObject record:
                return ([record], false);
            case JsonArray { Count: 0 }:
                throw ApiErrors.InvalidBody([ApiErrors.EmptyBatch(string.Empty)]);
            case JsonArray array:
                var errors = new List<CrmError>();
                var items = new List<JsonObject>(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item)
                    {
                        items.Add(item);
                    }
                    else
                    {
                        errors.Add(ApiErrors.ExpectedObject("/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }
                }

                return errors.Count > 0 ? throw ApiErrors.InvalidBody(errors) : (items, true);
            default:
                throw ApiErrors.InvalidBody([ApiErrors.ExpectedObjectOrArray(string.Empty)]);
        }
    }

    /// <summary>Removes the <c>version</c> member from a PATCH body and returns the version it names.</summary>
    private static long? TakeVersion(JsonObject changes)
    {
        if (!changes.TryGetPropertyValue(SystemFields.Version, out var node))
        {
            return null;
        }

        changes.Remove(SystemFields.Version);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number &&
            value.TryGetValue<long>(out var version) && version >= 1)
        {
            return version;
        }

        throw ApiErrors.InvalidVersion();
    }
}
