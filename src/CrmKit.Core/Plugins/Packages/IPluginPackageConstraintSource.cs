namespace CrmKit.Core.Plugins.Packages;

/// <summary>
/// Supplies version constraints every plugin package plan must honour, such as the plugin ranges of installed editions.
/// Register any number in the container; the package manager asks all of them when planning.
/// </summary>
public interface IPluginPackageConstraintSource
{
    /// <summary>The constraints in force now.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The constraints; empty when there are none.</returns>
    Task<IReadOnlyList<PluginPackageConstraint>> GetConstraintsAsync(CancellationToken cancellationToken);
}
