namespace CrmKit.Core.Plugins.Packages;

/// <summary>
/// Installs, updates, removes and restores plugins from NuGet feeds (packages of type <c>CrmKitPlugin</c>). Registered by
/// CrmKit.Distribution (<c>AddPluginPackages</c>); the REST API, the CLI (through the REST API) and editions use it.
/// Every change is planned first for the whole plugin graph; nothing is touched while the plan has problems.
/// </summary>
public interface IPluginPackageManager
{
    /// <summary>Searches the configured feeds for plugin packages (package type <c>CrmKitPlugin</c> only).</summary>
    /// <param name="query">Words to look for in ids, titles and descriptions; empty lists every plugin package.</param>
    /// <param name="includePrerelease">Whether prerelease versions count.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The packages found, one per id (its latest version), ordered by id.</returns>
    /// <exception cref="PluginPackageException">A feed is unreachable, answers an error or refuses the credentials.</exception>
    Task<IReadOnlyList<PluginPackageInfo>> SearchAsync(string query, bool includePrerelease, CancellationToken cancellationToken);

    /// <summary>The plugin packages installed from feeds, as <c>plugins.lock.json</c> pins them, ordered by id.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The installed packages; empty when nothing was installed from a feed.</returns>
    Task<IReadOnlyList<InstalledPluginPackage>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Plans a change for the whole graph: resolves versions and dependencies on the feeds, checks SDK ranges,
    /// prerelease rules, constraints (the request's and every <see cref="IPluginPackageConstraintSource"/>'s) and
    /// conflicts. Changes nothing.
    /// </summary>
    /// <param name="request">What to install, update and remove.</param>
    /// <param name="cancellationToken">Cancels the planning.</param>
    /// <returns>The plan; <see cref="PluginPackagePlan.CanApply"/> is false when it has problems.</returns>
    Task<PluginPackagePlan> PlanAsync(PluginPackageRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a plan: downloads and verifies every package (SHA-512 against the feed), extracts each into a staging
    /// folder, swaps them into the plugins folder (keeping backups) and hot-loads through
    /// <see cref="IPluginManager.ScanAsync"/>. Every planned plugin must end Loaded; otherwise the previous folders are
    /// put back, the folder is rescanned and <see cref="PluginPackageException"/> is thrown. The returned change holds
    /// the single-flight lock until it is committed (writes <c>plugins.lock.json</c>, deletes backups) or rolled back
    /// (restores the previous set and lock, rescans). Disposing an uncommitted change rolls it back.
    /// </summary>
    /// <param name="plan">A plan from <see cref="PlanAsync"/> or <see cref="RestoreAsync"/> with no problems.</param>
    /// <param name="cancellationToken">Cancels the wait for the lock and the downloads.</param>
    /// <returns>The applied, not yet committed change.</returns>
    /// <exception cref="PluginPackageException">The plan has problems, or applying it failed (nothing is left changed).</exception>
    Task<IPluginPackageChange> ApplyAsync(PluginPackagePlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Plans a restore of exactly the set pinned in <c>plugins.lock.json</c> (same ids, versions and SHA-512 hashes);
    /// problems name every package the feeds no longer have or now serve with a different hash. Changes nothing; apply
    /// the plan with <see cref="ApplyAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the planning.</param>
    /// <returns>The restore plan.</returns>
    Task<PluginPackagePlan> RestoreAsync(CancellationToken cancellationToken);
}
