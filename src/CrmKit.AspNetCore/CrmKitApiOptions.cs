using System.ComponentModel.DataAnnotations;
using CrmKit.AspNetCore.Security;

namespace CrmKit.AspNetCore;

/// <summary>
/// Limits of the CrmKit REST API. Hosts bind it from the <c>CrmKit:Api</c> configuration section.
/// </summary>
public sealed class CrmKitApiOptions
{
    /// <summary>The configuration section hosts bind these options from.</summary>
    public const string SectionName = "CrmKit:Api";

    /// <summary>
    /// The largest request body the API reads, in bytes (default 1 MiB). A larger body is refused with <c>413</c>
    /// and code <c>request.too_large</c>.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The deepest nesting of JSON objects and arrays a request body may have (default 32). A deeper body is
    /// refused with <c>400</c> and code <c>request.too_deep</c>.
    /// </summary>
    [Range(1, 256)]
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>The per-caller rate limit (<c>CrmKit:Api:RateLimit</c>).</summary>
    public CrmKitRateLimitOptions RateLimit { get; set; } = new();
}
