using System.Text.Json.Nodes;
using CrmKit.Sdk.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmKit.AspNetCore.Http;

/// <summary>What every endpoint needs from its request: the acting principal, the JSON body, addresses.</summary>
internal static class ApiRequest
{
    public static ValueTask<CrmPrincipal> GetPrincipalAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<IHttpPrincipalResolver>().ResolveAsync(context);

    /// <summary>The principal, refused with 403 <c>access.privilege_required</c> unless it holds <paramref name="privilege"/>.</summary>
    public static async ValueTask<CrmPrincipal> DemandAsync(HttpContext context, string privilege)
    {
        var principal = await GetPrincipalAsync(context);
        context.RequestServices.GetRequiredService<Core.Security.IAccessControl>().DemandPrivilege(principal, privilege);
        return principal;
    }

    public static Task<JsonNode?> ReadJsonAsync(HttpContext context) =>
        JsonBodyReader.ReadAsync(context, context.RequestServices.GetRequiredService<IOptions<CrmKitApiOptions>>().Value);

    /// <summary>The address of a resource below the requested one, for <c>Location</c> headers.</summary>
    public static string ChildLocation(HttpContext context, string child)
    {
        var path = context.Request.PathBase.Add(context.Request.Path).ToString().TrimEnd('/');
        return path + "/" + Uri.EscapeDataString(child);
    }

    /// <summary>The address one segment above the requested one.</summary>
    public static string ParentLocation(HttpContext context)
    {
        var path = context.Request.PathBase.Add(context.Request.Path).ToString().TrimEnd('/');
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    public static T GetService<T>(HttpContext context)
        where T : notnull => context.RequestServices.GetRequiredService<T>();
}
