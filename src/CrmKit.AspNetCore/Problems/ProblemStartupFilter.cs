using CrmKit.AspNetCore.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CrmKit.AspNetCore.Problems;

/// <summary>
/// Puts CrmKit's middleware in front of the host's pipeline: <see cref="ProblemMiddleware"/>, the security headers,
/// authentication, then the rate limit (which partitions by the authenticated caller).
/// </summary>
internal sealed class ProblemStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<ProblemMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<CrmKitAuthenticationMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        next(app);
    };
}
