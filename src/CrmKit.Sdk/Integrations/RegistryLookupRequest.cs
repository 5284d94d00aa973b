using CrmKit.Sdk.Security;

namespace CrmKit.Sdk.Integrations;

/// <summary>
/// What to look up in the registry. New members may be added; lookups take this one argument so they keep working.
/// </summary>
public sealed class RegistryLookupRequest
{
    /// <summary>The INN (10 or 12 digits) or OGRN/OGRNIP (13 or 15 digits) to look up, without spaces.</summary>
    public required string Query { get; init; }

    /// <summary>The KPP, when known; it picks one subdivision (head office or branch) of the company.</summary>
    public string? Kpp { get; init; }

    /// <summary>
    /// Which subdivisions to return when no <see cref="Kpp"/> is given; null for all of them, head office first.
    /// </summary>
    public RegistryBranchType? BranchType { get; init; }

    /// <summary>Whether to skip the provider's cache and ask the registry again.</summary>
    public bool BypassCache { get; init; }

    /// <summary>Who is asking; for the audit trail and per-user limits.</summary>
    public required CrmPrincipal Principal { get; init; }
}
