using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Lets a request reach a CrmKit endpoint only with valid credentials (endpoints marked <c>AllowAnonymous</c>, such as
/// <c>/health</c>, excepted), and only when the API key's scopes cover the request (<see cref="ApiKeyScopes"/>).
/// What the account itself may do is decided in Core.
/// </summary>
internal sealed class CrmKitAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return await next(context);
        }

        _ = await ApiRequest.GetPrincipalAsync(http);
        var scopes = http.User.FindAll(CrmKitAuthentication.ScopeClaim).Select(c => c.Value).ToList();
        if (http.User.HasClaim(c => c.Type == CrmKitAuthentication.KeyIdClaim))
        {
            var needed = NeededScope(http);
            if (!ApiKeyScopes.Allows(scopes, needed))
            {
                throw ApiErrors.InsufficientScope(needed);
            }
        }

        return await next(context);
    }

    /// <summary>
    /// Reading needs <c>read</c>; a change needs what its endpoint declares (<see cref="RequiredApiKeyScope"/>: <c>write</c>
    /// for records and workflow starts, <c>read</c> for a template preview); every other change — metadata, accounts,
    /// roles, keys, plugins, workflows, templates — needs <c>admin</c>.
    /// </summary>
    public static string NeededScope(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return ApiKeyScopes.Read;
        }

        return context.GetEndpoint()?.Metadata.GetMetadata<RequiredApiKeyScope>()?.Scope ?? ApiKeyScopes.Admin;
    }
}
