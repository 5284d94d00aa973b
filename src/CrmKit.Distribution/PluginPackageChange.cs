using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Packages;

namespace CrmKit.Distribution;

/// <summary>An applied, not yet final plugin package change; holds the manager's single-flight lock until it ends.</summary>
internal sealed class PluginPackageChange : IPluginPackageChange
{
    private readonly PluginPackageManager _manager;
    private readonly FolderSwap _swap;
    private readonly IReadOnlyList<LockedPlugin> _lock;
    private int _ended;

    public PluginPackageChange(PluginPackageManager manager, PluginPackagePlan plan, FolderSwap swap, IReadOnlyList<LockedPlugin> newLock)
    {
        _manager = manager;
        Plan = plan;
        _swap = swap;
        _lock = newLock;
    }

    public PluginPackagePlan Plan { get; }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        End();
        try
        {
            PluginLockFile.Write(_manager.LockPath, _lock);
            _swap.Cleanup();
            return Task.CompletedTask;
        }
        finally
        {
            _manager.ReleaseFlight();
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        End();
        try
        {
            _swap.Undo();
            await _manager.RescanAsync(cancellationToken);
            _swap.Cleanup();
        }
        finally
        {
            _manager.ReleaseFlight();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _ended) == 0)
        {
            await RollbackAsync(CancellationToken.None);
        }
    }

    private void End()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            throw new InvalidOperationException("The plugin package change was already committed or rolled back.");
        }
    }
}
