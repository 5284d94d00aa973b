using System.Globalization;
using System.Threading.RateLimiting;
using CrmKit.AspNetCore.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Limits requests per caller with a partitioned sliding-window limiter (System.Threading.RateLimiting, the ASP.NET
/// rate limiter's engine): one partition per API key, per JWT account, or per client address when anonymous. It uses
/// its own limiter, so a host's own <c>AddRateLimiter</c> policies stay untouched.
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
            _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetSlidingWindowLimiter(
                PartitionKey(context),
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = o.PermitLimit,
                    Window = o.Window,
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
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
