using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.AspNetCore.Security;
using CrmKit.Core.Templates;
using CrmKit.Sdk.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// Stored templates: <c>GET /api/templates</c>, <c>GET|PUT|DELETE /api/templates/{name}</c> (<c>?locale=</c>) and
/// <c>POST /api/templates/{name}/preview</c>, which renders a template against a stored record.
/// </summary>
internal static class TemplateEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var templates = endpoints.MapGroup("/api/templates");
        templates.MapGet("", (Delegate)ListAsync);
        templates.MapGet("/{name}", GetAsync);
        templates.MapPut("/{name}", SaveAsync);
        templates.MapDelete("/{name}", DeleteAsync);
        templates.MapPost("/{name}/preview", PreviewAsync).WithMetadata(new RequiredApiKeyScope(Core.Security.ApiKeyScopes.Read));
    }

    private static async Task<IResult> ListAsync(HttpContext context)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        var all = await Templates(context).ListAsync(context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var template in all)
            {
                Write(writer, template, withSource: false);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(HttpContext context, string name)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        var template = await Templates(context).GetAsync(name, Locale(context), context.RequestAborted);
        return Result(template);
    }

    private static async Task<IResult> SaveAsync(HttpContext context, string name)
    {
        var body = await ApiRequest.ReadJsonAsync(context) as JsonObject ?? throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject(string.Empty)]);
        var errors = new List<CrmError>();
        var locale = ReadString(body, "locale", required: false, errors) ?? Locale(context) ?? "ru-RU";
        var kind = ReadString(body, "kind", required: true, errors);
        var source = ReadString(body, "source", required: true, errors);
        var description = ReadString(body, "description", required: false, errors);
        foreach (var (member, _) in body)
        {
            if (member is not ("locale" or "kind" or "source" or "description" or "version"))
            {
                errors.Add(ApiErrors.MemberUnknown("/" + member));
            }
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.InvalidBody(errors);
        }

        var principal = await ApiRequest.GetPrincipalAsync(context);
        var saved = await Templates(context).SaveAsync(principal, new TemplateSaveRequest
        {
            Name = name,
            Locale = locale,
            Kind = kind!,
            Source = source!,
            Description = description,
            ExpectedVersion = ReadVersion(body["version"]),
        }, context.RequestAborted);
        return Result(saved);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string name)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        await Templates(context).DeleteAsync(principal, name, Locale(context), context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> PreviewAsync(HttpContext context, string name)
    {
        var body = await ApiRequest.ReadJsonAsync(context) as JsonObject ?? throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject(string.Empty)]);
        var errors = new List<CrmError>();
        var entity = ReadString(body, "entity", required: true, errors);
        var recordId = ReadString(body, "recordId", required: true, errors);
        var locale = ReadString(body, "locale", required: false, errors) ?? Locale(context);
        if (recordId is not null && !Guid.TryParse(recordId, out _))
        {
            errors.Add(ApiErrors.InvalidConversion("/recordId"));
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.InvalidBody(errors);
        }

        var principal = await ApiRequest.GetPrincipalAsync(context);
        var text = await Templates(context).PreviewAsync(principal, name, entity!, Guid.Parse(recordId!), locale, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("text", text);
            writer.WriteEndObject();
        });
    }

    private static string? Locale(HttpContext context) =>
        context.Request.Query.TryGetValue("locale", out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static string? ReadString(JsonObject body, string member, bool required, List<CrmError> errors)
    {
        var node = body[member];
        if (node is null)
        {
            if (required)
            {
                errors.Add(ApiErrors.MemberRequired("/" + member));
            }

            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        errors.Add(ApiErrors.ExpectedString("/" + member));
        return null;
    }

    private static long? ReadVersion(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var version) && version >= 0)
        {
            return version;
        }

        throw ApiErrors.InvalidVersion();
    }

    private static JsonWriterResult Result(TemplateDefinition template) =>
        new(StatusCodes.Status200OK, writer => Write(writer, template, withSource: true));

    private static void Write(Utf8JsonWriter writer, TemplateDefinition template, bool withSource)
    {
        writer.WriteStartObject();
        writer.WriteString("name", template.Name);
        writer.WriteString("locale", template.Locale);
        writer.WriteString("kind", template.Kind);
        if (template.Description is not null)
        {
            writer.WriteString("description", template.Description);
        }

        if (withSource)
        {
            writer.WriteString("source", template.Source);
        }

        writer.WriteNumber("version", template.Version);
        writer.WriteString("updatedAt", template.UpdatedAt);
        writer.WriteString("updatedBy", template.UpdatedBy);
        writer.WriteEndObject();
    }

    private static ITemplateService Templates(HttpContext context) => ApiRequest.GetService<ITemplateService>(context);
}
