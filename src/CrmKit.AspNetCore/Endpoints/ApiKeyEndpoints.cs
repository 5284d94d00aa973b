using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.Core.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// API keys: <c>GET /api/api-keys[?userId=...|*]</c>, <c>POST /api/api-keys</c> (the key is in the answer, this once),
/// <c>DELETE /api/api-keys/{id}</c> (revokes). One's own keys, or anyone's with <c>security.manage</c>.
/// </summary>
internal static class ApiKeyEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapGroup("/api/api-keys");
        keys.MapGet("", (Func<HttpContext, Task<IResult>>)ListAsync);
        keys.MapPost("", (Func<HttpContext, Task<IResult>>)CreateAsync);
        keys.MapDelete("/{id}", RevokeAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var userId = context.Request.Query["userId"] is { Count: 1 } values ? values[0] : null;
        var list = await Service(context).ListAsync(principal, userId, context.RequestAborted);
        return SecurityEndpoints.Items(list.Select(SecurityJson.ApiKey));
    }

    private static async Task<IResult> CreateAsync(HttpContext context)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var created = await Service(context).CreateAsync(principal, await SecurityEndpoints.BodyAsync(context), context.RequestAborted);
        var json = SecurityJson.ApiKey(created.Info);
        json["key"] = created.Key;
        return new JsonWriterResult(StatusCodes.Status201Created, w => json.WriteTo(w))
        {
            Location = ApiRequest.ChildLocation(context, created.Info.Id),
        };
    }

    private static async Task<IResult> RevokeAsync(HttpContext context, string id)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var revoked = await Service(context).RevokeAsync(principal, id, context.RequestAborted);
        return SecurityEndpoints.Single(StatusCodes.Status200OK, SecurityJson.ApiKey(revoked), null);
    }

    private static IApiKeyService Service(HttpContext context) => ApiRequest.GetService<IApiKeyService>(context);
}
