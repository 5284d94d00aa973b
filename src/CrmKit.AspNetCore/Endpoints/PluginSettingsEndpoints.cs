using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.Core.Security;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Settings;
using CrmKit.Sdk.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// The settings of plugins and modules: <c>GET|PUT /api/plugins/{id}/settings</c> and
/// <c>GET /api/plugins/{id}/settings/schema</c>. Secrets (write-only properties) are never returned, only named in
/// <c>secretsSet</c>.
/// </summary>
internal static class PluginSettingsEndpoints
{
    private const string ValuesMember = "values";
    private const string VersionMember = "version";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapGroup("/api/plugins/{id}/settings");
        settings.MapGet("", GetAsync);
        settings.MapPut("", SaveAsync);
        settings.MapGet("/schema", GetSchemaAsync);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string id)
    {
        // Resolved for its checks: a host's resolver refuses callers it does not know before anything is read.
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.PluginsManage);
        var view = await Settings(context).GetAsync(id, context.RequestAborted);
        return Result(view);
    }

    private static async Task<IResult> SaveAsync(HttpContext context, string id)
    {
        var body = await ApiRequest.ReadJsonAsync(context);
        var (values, version) = ReadBody(body);
        var principal = await ApiRequest.DemandAsync(context, CrmPrivileges.PluginsManage);
        try
        {
            var view = await Settings(context).SaveAsync(id, values, version, principal, context.RequestAborted);
            return Result(view);
        }
        catch (CrmException e) when (e.Code == SettingsErrorCodes.Invalid)
        {
            // The service points into the values; the client sent them inside the body's "values" member.
            var errors = e.Errors.Select(error => error with { Pointer = "/" + ValuesMember + error.Pointer }).ToList();
            throw new CrmException(e.Kind, e.Code, e.Title, errors, e);
        }
    }

    private static async Task<IResult> GetSchemaAsync(HttpContext context, string id)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.PluginsManage);
        var view = await Settings(context).GetAsync(id, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w => view.Schema.WriteTo(w));
    }

    /// <summary>Reads <c>{"values": {...}, "version": 3}</c>; the version is optional (0: never saved).</summary>
    private static (JsonObject Values, long? Version) ReadBody(JsonNode? body)
    {
        if (body is not JsonObject request)
        {
            throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject(string.Empty)]);
        }

        var errors = new List<CrmError>();
        foreach (var (name, _) in request)
        {
            if (name is not (ValuesMember or VersionMember))
            {
                errors.Add(ApiErrors.MemberUnknown("/" + JsonPointerSegment(name)));
            }
        }

        var values = request[ValuesMember] as JsonObject;
        if (!request.ContainsKey(ValuesMember))
        {
            errors.Add(ApiErrors.MemberRequired("/" + ValuesMember));
        }
        else if (values is null)
        {
            errors.Add(ApiErrors.ExpectedObject("/" + ValuesMember));
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.InvalidBody(errors);
        }

        return (values!, ReadVersion(request[VersionMember]));
    }

    private static long? ReadVersion(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number &&
            value.TryGetValue<long>(out var version) && version >= 0)
        {
            return version;
        }

        throw ApiErrors.InvalidVersion();
    }

    private static string JsonPointerSegment(string name) =>
        name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static JsonWriterResult Result(ModuleSettingsView view) =>
        new(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName(ValuesMember);
            view.Values.WriteTo(writer);
            writer.WriteStartArray("secretsSet");
            foreach (var secret in view.SecretsSet)
            {
                writer.WriteStringValue(secret);
            }

            writer.WriteEndArray();
            writer.WriteNumber(VersionMember, view.Version);
            writer.WriteEndObject();
        });

    private static IModuleSettingsService Settings(HttpContext context) => ApiRequest.GetService<IModuleSettingsService>(context);
}
