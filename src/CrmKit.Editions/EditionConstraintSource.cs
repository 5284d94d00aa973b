using CrmKit.Core.Plugins.Packages;
using CrmKit.Editions.Installing;

namespace CrmKit.Editions;

/// <summary>
/// Tells the plugin package manager the plugin ranges of every installed edition, so that a plugin update one of them
/// excludes is refused before any change (owner <c>edition:&lt;id&gt;</c>). While an edition itself is planned or
/// applied, its own installed ranges are left out (its new version brings its new ranges).
/// </summary>
internal sealed class EditionConstraintSource(InstalledEditionStore editions) : IPluginPackageConstraintSource
{
    private static readonly AsyncLocal<string?> Excluded = new();

    public async Task<IReadOnlyList<PluginPackageConstraint>> GetConstraintsAsync(CancellationToken cancellationToken) =>
        (await editions.ListAsync(cancellationToken))
            .Where(e => e.Id != Excluded.Value)
            .SelectMany(e => e.Plugins.Select(p => new PluginPackageConstraint(p.Key, p.Value, "edition:" + e.Id)))
            .ToList();

    /// <summary>Leaves an edition's own ranges out for the calling flow (call from the method that plans it).</summary>
    public static void Exclude(string? editionId) => Excluded.Value = editionId;
}
