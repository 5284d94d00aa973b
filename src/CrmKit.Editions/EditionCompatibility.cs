using System.Data.Common;
using CrmKit.Core.Storage;
using CrmKit.Editions.Installing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NuGet.Versioning;

namespace CrmKit.Editions;

/// <summary>
/// Checks the running CrmKit version against the <c>crmkit</c> range of every installed edition. The server runs it
/// before migrating the store or starting (so a server upgrade an installed edition excludes changes nothing).
/// </summary>
public static class EditionCompatibility
{
    /// <summary>Reads the installed editions and says which exclude the running version.</summary>
    /// <param name="services">The host's services (with <c>AddEditions</c>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One sentence per excluding edition; empty when all accept this version (or none is installed).</returns>
    public static async Task<IReadOnlyList<string>> FindIncompatibilitiesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = services.GetRequiredService<ICrmStore>();
        var version = EditionService.ResolveCoreVersion(services.GetRequiredService<IOptions<EditionOptions>>().Value.CoreVersion);
        IReadOnlyList<InstalledEditionRecord> installed;
        try
        {
            await using var session = await store.BeginAsync(write: false, cancellationToken);
            installed = await InstalledEditionStore.ListAsync(session, cancellationToken);
        }
        catch (DbException)
        {
            // A database without the system tables yet (never initialized) has no editions installed.
            return [];
        }

        return installed
            .Where(e => e.CrmKit is not null && !VersionRange.Parse(e.CrmKit).Satisfies(version))
            .Select(e => $"Edition {e.Id} {e.Version} supports CrmKit {VersionRange.Parse(e.CrmKit!).ToNormalizedString()}, and this server is CrmKit {version}: upgrade the edition first (or keep the server's version).")
            .ToList();
    }
}
