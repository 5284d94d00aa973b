namespace CrmKit.Core.Plugins.Packages;

/// <summary>
/// An applied plugin package plan that is not yet final. It holds the package manager's single-flight lock until
/// <see cref="CommitAsync"/> or <see cref="RollbackAsync"/>; disposing it without committing rolls it back.
/// </summary>
public interface IPluginPackageChange : IAsyncDisposable
{
    /// <summary>The plan that was applied.</summary>
    PluginPackagePlan Plan { get; }

    /// <summary>Makes the change final: writes <c>plugins.lock.json</c>, deletes the backups, releases the lock.</summary>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>A task that completes when committed.</returns>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Puts the previous plugin folders and lock file back, rescans the plugins, releases the lock.</summary>
    /// <param name="cancellationToken">Cancels the wait for the rescan.</param>
    /// <returns>A task that completes when rolled back.</returns>
    Task RollbackAsync(CancellationToken cancellationToken);
}
