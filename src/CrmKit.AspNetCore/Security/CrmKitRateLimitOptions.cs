using System.ComponentModel.DataAnnotations;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Rate limits of the CrmKit API, bound from <c>CrmKit:Api:RateLimit</c>: a fixed window per API key (per account for
/// JWT callers, per client address for anonymous ones). Over the limit a request gets <c>429 rate_limited</c> with
/// <c>Retry-After</c>.
/// </summary>
public sealed class CrmKitRateLimitOptions
{
    /// <summary>Whether requests are limited (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many requests one caller may make per <see cref="Window"/> (default 1,200).</summary>
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 1200;

    /// <summary>The fixed window (default one minute); a caller's count starts again when it resets.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
