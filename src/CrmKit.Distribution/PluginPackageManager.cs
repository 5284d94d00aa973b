using CrmKit.Core.Plugins.Packages;

namespace CrmKit.Distribution;

/// <summary>The NuGet-feed implementation of <see cref="IPluginPackageManager"/>.</summary>
internal sealed partial class PluginPackageManager : IPluginPackageManager
{
    public Task<IReadOnlyList<PluginPackageInfo>> SearchAsync(string query, bool includePrerelease, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<InstalledPluginPackage>> ListAsync(CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<PluginPackagePlan> PlanAsync(PluginPackageRequest request, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<IPluginPackageChange> ApplyAsync(PluginPackagePlan plan, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<PluginPackagePlan> RestoreAsync(CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
