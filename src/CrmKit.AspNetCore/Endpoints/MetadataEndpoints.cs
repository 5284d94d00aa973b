using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Metadata;
using CrmKit.Sdk.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>The metadata endpoints: <c>/api/metadata/entities[/{entity}[/...]]</c>.</summary>
internal static class MetadataEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var entities = endpoints.MapGroup("/api/metadata/entities");
        entities.MapGet("", ListEntities);
        entities.MapPost("", (Func<HttpContext, Task<IResult>>)CreateEntityAsync);
        entities.MapGet("/{entity}", GetEntity);
        entities.MapGet("/{entity}/schema", GetSchema);
        entities.MapGet("/{entity}/history", GetHistoryAsync);
        entities.MapPost("/{entity}/fields", AddFieldAsync);
        entities.MapPatch("/{entity}/fields/{field}", UpdateFieldAsync);
        entities.MapDelete("/{entity}/fields/{field}", RemoveFieldAsync);
        entities.MapGet("/{entity}/archives", GetArchivesAsync);
        entities.MapPost("/{entity}/archives/{archiveId}/restore", RestoreArchiveAsync);
    }

    private static JsonWriterResult ListEntities(HttpContext context)
    {
        var entities = Metadata(context).GetEntities();
        var culture = RequestLanguage.Get(context);
        return new JsonWriterResult(StatusCodes.Status200OK, w => MetadataJsonWriter.WriteSummaries(w, entities, culture));
    }

    private static async Task<IResult> CreateEntityAsync(HttpContext context)
    {
        var body = await ApiRequest.ReadJsonAsync(context);
        if (body is not JsonObject schema)
        {
            throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject(string.Empty)]);
        }

        var principal = await ApiRequest.GetPrincipalAsync(context);
        var entity = await Metadata(context).CreateEntityAsync(principal, schema, context.RequestAborted);
        return Detail(context, entity, StatusCodes.Status201Created, ApiRequest.ChildLocation(context, entity.Name));
    }

    private static JsonWriterResult GetEntity(HttpContext context, string entity) =>
        Detail(context, Metadata(context).GetEntity(entity), StatusCodes.Status200OK);

    private static JsonWriterResult GetSchema(HttpContext context, string entity)
    {
        var schema = Metadata(context).GetEntity(entity).GetSchema();
        return new JsonWriterResult(StatusCodes.Status200OK, w => schema.WriteTo(w));
    }

    private static async Task<IResult> GetHistoryAsync(HttpContext context, string entity)
    {
        var history = await Metadata(context).GetHistoryAsync(entity, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w => MetadataJsonWriter.WriteHistory(w, history));
    }

    private static async Task<IResult> AddFieldAsync(HttpContext context, string entity)
    {
        var body = await ApiRequest.ReadJsonAsync(context);
        var (name, request) = FieldRequestReader.Read(body, fieldName: null, currentSchema: null);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var definition = await Metadata(context).AddFieldAsync(principal, entity, name, request, context.RequestAborted);
        // There is no field resource of its own: the new field is part of the entity returned and located here.
        var location = ApiRequest.ParentLocation(context);
        return Detail(context, definition, StatusCodes.Status201Created, location);
    }

    private static async Task<IResult> UpdateFieldAsync(HttpContext context, string entity, string field)
    {
        var metadata = Metadata(context);
        var body = await ApiRequest.ReadJsonAsync(context);
        var current = metadata.GetEntity(entity).FindField(field);
        var (_, request) = FieldRequestReader.Read(body, field, current?.GetSchema());
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var definition = await metadata.UpdateFieldAsync(principal, entity, field, request, context.RequestAborted);
        return Detail(context, definition, StatusCodes.Status200OK);
    }

    private static async Task<IResult> RemoveFieldAsync(HttpContext context, string entity, string field)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var archive = await Metadata(context).RemoveFieldAsync(principal, entity, field, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w => MetadataJsonWriter.WriteArchive(w, archive));
    }

    private static async Task<IResult> GetArchivesAsync(HttpContext context, string entity)
    {
        // Archives hold the values of removed fields, whatever field-level security said of them.
        _ = await ApiRequest.DemandAsync(context, CrmKit.Core.Security.CrmPrivileges.MetadataManage);
        var archives = await Metadata(context).GetArchivesAsync(entity, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w => MetadataJsonWriter.WriteArchives(w, archives));
    }

    private static async Task<IResult> RestoreArchiveAsync(HttpContext context, string entity, string archiveId)
    {
        if (!Guid.TryParseExact(archiveId, "D", out var id))
        {
            throw ApiErrors.ArchiveNotFound(entity, archiveId);
        }

        var principal = await ApiRequest.GetPrincipalAsync(context);
        var definition = await Metadata(context).RestoreArchiveAsync(principal, entity, id, context.RequestAborted);
        return Detail(context, definition, StatusCodes.Status200OK);
    }

    private static JsonWriterResult Detail(HttpContext context, EntityDefinition entity, int status, string? location = null)
    {
        var culture = RequestLanguage.Get(context);
        return new JsonWriterResult(status, w => MetadataJsonWriter.WriteDetail(w, entity, culture)) { Location = location };
    }

    private static IMetadataService Metadata(HttpContext context) => ApiRequest.GetService<IMetadataService>(context);
}
