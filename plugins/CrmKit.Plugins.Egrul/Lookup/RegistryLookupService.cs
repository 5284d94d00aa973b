using System.Text.Json.Nodes;
using CrmKit.Plugins.Egrul.DaData;
using CrmKit.Plugins.Egrul.Settings;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.Egrul.Lookup;

/// <summary>
/// The lookup every entry point uses (the REST endpoint and the CLI through <see cref="DaDataRegistryLookup"/>, the
/// autofill hooks and the refresh action directly): checks the identifiers, answers from the cache or asks DaData,
/// maps the answer and picks the entries. With a KPP only the subdivision with that KPP is returned; without one,
/// the head office comes first, then the branches in DaData's order.
/// </summary>
internal sealed class RegistryLookupService(DaDataClient client, RegistryCache cache, IModuleSettings moduleSettings)
{
    public async Task<IReadOnlyList<RegistryCompany>> LookupAsync(
        string query, string? kpp, RegistryBranchType? branchType, bool bypassCache, CancellationToken cancellationToken)
    {
        var (checkedQuery, checkedKpp) = RegistryQuery.Check(query, kpp);
        var settings = EgrulSettings.Read(moduleSettings);
        var key = $"{checkedQuery}|{checkedKpp}|{branchType}";
        if (bypassCache || !cache.TryGet(key, out var suggestions))
        {
            suggestions = await client.FindByIdAsync(settings, checkedQuery, checkedKpp, checkedKpp is null ? branchType : null, cancellationToken)
                .ConfigureAwait(false);
            cache.Set(key, suggestions, settings.CacheDuration, settings.CacheMaxEntries);
        }

        return Select(suggestions, checkedKpp, branchType);
    }

    private static List<RegistryCompany> Select(JsonArray suggestions, string? kpp, RegistryBranchType? branchType)
    {
        var entries = suggestions.Select(DaDataPartyMapper.Map).OfType<RegistryCompany>();
        if (kpp is not null)
        {
            entries = entries.Where(e => string.Equals(e.Kpp, kpp, StringComparison.Ordinal));
        }
        else if (branchType is { } type)
        {
            entries = entries.Where(e => e.BranchType is null || e.BranchType == type);
        }

        // OrderBy is stable: the head office first, the rest in DaData's order.
        return entries.OrderBy(e => e.BranchType == RegistryBranchType.HeadOffice ? 0 : 1).ToList();
    }
}
