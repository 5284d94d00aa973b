using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Authenticates every request with CrmKit's scheme (API key or JWT) before the rate limiter partitions by caller.
/// A request without credentials, or with bad ones, goes on anonymous: the endpoint decides whether that is enough.
/// </summary>
internal sealed class CrmKitAuthenticationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(CrmKitAuthentication.Scheme);
        if (result.Succeeded)
        {
            context.User = result.Principal;
        }

        await next(context);
    }
}
