using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Egrul.Lookup;

/// <summary>The registry lookup the host's REST endpoint (<c>GET /api/integrations/egrul/{innOrOgrn}</c>) and the CLI use.</summary>
internal sealed class DaDataRegistryLookup(RegistryLookupService lookups) : IRegistryLookup
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "dadata";

    /// <inheritdoc />
    public RegistryLookupDescriptor Descriptor { get; } = new(ProviderName, LocalizedText.Of("EGRUL/EGRIP via DaData", "ЕГРЮЛ/ЕГРИП через DaData"));

    /// <inheritdoc />
    public Task<IReadOnlyList<RegistryCompany>> LookupAsync(RegistryLookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return lookups.LookupAsync(request.Query, request.Kpp, request.BranchType, request.BypassCache, cancellationToken);
    }
}
