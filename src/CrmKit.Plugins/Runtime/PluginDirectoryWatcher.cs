namespace CrmKit.Plugins.Runtime;

/// <summary>
/// Watches the plugins folder and calls back once the folder has been quiet for a while, so a plugin being copied or
/// published into place is read when complete, not file by file.
/// </summary>
internal sealed class PluginDirectoryWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly TimeSpan _delay;
    private readonly Func<Task> _changed;
    private int _running;

    public PluginDirectoryWatcher(string directory, TimeSpan delay, Func<Task> changed)
    {
        _delay = delay;
        _changed = changed;
        _timer = new Timer(_ => _ = FireAsync(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, _) => Touch();
        _watcher.Created += (_, _) => Touch();
        _watcher.Deleted += (_, _) => Touch();
        _watcher.Renamed += (_, _) => Touch();
        _watcher.Error += (_, _) => Touch();
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }

    // Every event pushes the deadline back: the callback runs after the last event plus the delay.
    private void Touch() => _timer.Change(_delay, Timeout.InfiniteTimeSpan);

    private async Task FireAsync()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            // A scan is running; the events that arrive meanwhile are picked up by scanning once more afterwards.
            Touch();
            return;
        }

        try
        {
            await _changed();
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
