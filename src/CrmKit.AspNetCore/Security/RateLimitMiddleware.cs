using System.Globalization;
using System.Threading.RateLimiting;
using CrmKit.AspNetCore.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Limits requests per caller with a partitioned fixed-window limiter (System.Threading.RateLimiting, the ASP.NET
/// rate limiter's engine): one partition per API key, per JWT account, or per client address when anonymous;
/// <c>GET /health</c> is never limited, so that a load balancer's probes cannot be starved by a noisy client. It uses
/// its own limiter, so a host's own <c>AddRateLimiter</c> policies stay untouched. A fixed window (not a sliding one)
/// because its refused leases carry the time until the window resets, which becomes the <c>Retry-After</c> header.
/// </summary>
internal sealed class RateLimitMiddleware : IDisposable
{
    private readonly RequestDelegate _next;
    private readonly PartitionedRateLimiter<HttpContext>? _limiter;

    public RateLimitMiddleware(RequestDelegate next, IOptions<CrmKitApiOptions> options)
    {
        _next = next;
        var o = options.Value.RateLimit;
        if (o.Enabled)
        {
            _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsHealthProbe(context)
                ? RateLimitPartition.GetNoLimiter("health")
                : RateLimitPartition.GetFixedWindowLimiter(
                    PartitionKey(context),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = o.PermitLimit,
                        Window = o.Window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
        }
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (_limiter is null)
        {
            await _next(context);
            return;
        }

        using var lease = await _limiter.AcquireAsync(context, 1, context.RequestAborted);
        if (lease.IsAcquired)
        {
            await _next(context);
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await new ProblemResult(ApiErrors.RateLimited(retryAfter), context).ExecuteAsync(context);
    }

    public void Dispose() => _limiter?.Dispose();

    private static bool IsHealthProbe(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase);

    private static string PartitionKey(HttpContext context)
    {
        if (context.User.FindFirst(CrmKitAuthentication.KeyIdClaim)?.Value is { } key)
        {
            return "key:" + key;
        }

        return context.User.FindFirst(CrmKitAuthentication.UserIdClaim)?.Value is { } user
            ? "user:" + user
            : "ip:" + context.Connection.RemoteIpAddress;
    }
}
