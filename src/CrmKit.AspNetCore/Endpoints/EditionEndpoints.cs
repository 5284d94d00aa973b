using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Editions;
using CrmKit.Core.Security;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// Editions: <c>GET /api/editions</c> (installed), <c>POST /api/editions/plan</c> (a dry run),
/// <c>POST /api/editions/install</c> and <c>POST /api/editions/upgrade</c> with <c>{"id", "version"?, "prerelease"?}</c>
/// (plan: plus <c>"operation": "install" | "upgrade"</c>). Mapped only when the host has editions
/// (<see cref="IEditionService"/>). A plan that cannot be applied answers 200 with <c>canApply: false</c>; an install
/// or upgrade that cannot be applied answers problem+json (<c>edition.*</c>) with every problem in <c>problems</c> and
/// the plan in <c>plan</c>.
/// </summary>
internal static class EditionEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Whether the host registered editions; asked without creating the service.</summary>
    public static bool IsAvailable(IServiceProvider services) =>
        services.GetService<IServiceProviderIsService>()?.IsService(typeof(IEditionService)) == true;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        if (!IsAvailable(endpoints.ServiceProvider))
        {
            return;
        }

        var editions = endpoints.MapGroup("/api/editions");
        editions.MapGet("", (Func<HttpContext, Task<IResult>>)ListAsync);
        editions.MapPost("/plan", (Func<HttpContext, Task<IResult>>)(context => RunAsync(context, plan: true, EditionOperation.Install)));
        editions.MapPost("/install", (Func<HttpContext, Task<IResult>>)(context => RunAsync(context, plan: false, EditionOperation.Install)));
        editions.MapPost("/upgrade", (Func<HttpContext, Task<IResult>>)(context => RunAsync(context, plan: false, EditionOperation.Upgrade)));
    }

    private static async Task<IResult> ListAsync(HttpContext context)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        var installed = await Service(context).ListAsync(context.RequestAborted);
        return Answer(new JsonObject { ["items"] = JsonSerializer.SerializeToNode(installed, Json) });
    }

    private static async Task<IResult> RunAsync(HttpContext context, bool plan, EditionOperation operation)
    {
        var principal = await ApiRequest.DemandAsync(context, CrmPrivileges.PluginsManage);
        var request = ReadRequest(await ApiRequest.ReadJsonAsync(context), plan, operation);
        try
        {
            var result = plan
                ? await Service(context).PlanAsync(request, principal, context.RequestAborted)
                : await Service(context).ApplyAsync(request, principal, context.RequestAborted);
            return Answer(ToJson(result));
        }
        catch (EditionException e)
        {
            throw ToProblem(e);
        }
    }

    private static EditionRequest ReadRequest(JsonNode? body, bool plan, EditionOperation operation)
    {
        if (body is not JsonObject obj)
        {
            throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject("")]);
        }

        var errors = new List<CrmError>();
        foreach (var (name, _) in obj)
        {
            if (name is not ("id" or "version" or "prerelease") && !(plan && name == "operation"))
            {
                errors.Add(ApiErrors.MemberUnknown("/" + name));
            }
        }

        string? id = null;
        if (obj["id"] is not JsonValue idValue || !idValue.TryGetValue(out id) || string.IsNullOrWhiteSpace(id))
        {
            errors.Add(obj.ContainsKey("id") ? ApiErrors.ExpectedString("/id") : ApiErrors.MemberRequired("/id"));
        }

        string? version = null;
        if (obj.TryGetPropertyValue("version", out var versionNode) && versionNode is not null &&
            (versionNode is not JsonValue versionValue || !versionValue.TryGetValue(out version)))
        {
            errors.Add(ApiErrors.ExpectedString("/version"));
        }

        var prerelease = false;
        if (obj.TryGetPropertyValue("prerelease", out var prereleaseNode) && prereleaseNode is not null &&
            (prereleaseNode is not JsonValue prereleaseValue || !prereleaseValue.TryGetValue(out prerelease)))
        {
            errors.Add(ApiErrors.ExpectedBoolean("/prerelease"));
        }

        if (plan && obj["operation"] is { } operationNode)
        {
            var text = operationNode is JsonValue operationValue && operationValue.TryGetValue<string>(out var s) ? s : null;
            if (text == "upgrade")
            {
                operation = EditionOperation.Upgrade;
            }
            else if (text != "install")
            {
                errors.Add(ApiErrors.InvalidConversion("/operation"));
            }
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.InvalidBody(errors);
        }

        return new EditionRequest { Id = id!, Version = version, IncludePrerelease = prerelease, Operation = operation };
    }

    private static ApiProblemException ToProblem(EditionException e)
    {
        var status = e.Code switch
        {
            EditionErrorCodes.NotFound => StatusCodes.Status404NotFound,
            EditionErrorCodes.FeedFailed => StatusCodes.Status502BadGateway,
            EditionErrorCodes.InvalidManifest or EditionErrorCodes.InvalidSchema or EditionErrorCodes.InvalidContent
                or EditionErrorCodes.MissingFile or EditionErrorCodes.NotAnEdition => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status409Conflict,
        };
        var errors = e.Problems
            .Select(p => new CrmError(p.Code, p.Path ?? "", LocalizedText.Of(p.File is null ? p.Message : $"{p.File}: {p.Message}")))
            .ToList();
        var problem = new ApiProblemException(status, e.Code, LocalizedText.Of(e.Problems.Count > 0 ? e.Problems[0].Message : e.Message), errors, e);
        problem.Extensions["problems"] = JsonSerializer.SerializeToNode(e.Problems, Json);
        if (e.Plan is not null)
        {
            problem.Extensions["plan"] = ToJson(e.Plan);
        }

        return problem;
    }

    private static JsonObject ToJson(EditionPlan plan)
    {
        var json = JsonSerializer.SerializeToNode(plan, Json)!.AsObject();
        json["canApply"] = plan.CanApply;
        return json;
    }

    private static JsonWriterResult Answer(JsonNode body) =>
        new(StatusCodes.Status200OK, w => body.WriteTo(w));

    private static IEditionService Service(HttpContext context) => context.RequestServices.GetRequiredService<IEditionService>();
}
