namespace CrmKit.Plugins.Runtime;

/// <summary>Remembers which plugins an administrator disabled, so the choice survives restarts.</summary>
internal sealed class PluginStateStore
{
    private readonly HashSet<string> _disabled = new(StringComparer.Ordinal);

    public Task<bool> IsDisabledAsync(string id, CancellationToken cancellationToken)
    {
        lock (_disabled)
        {
            return Task.FromResult(_disabled.Contains(id));
        }
    }

    public Task SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken)
    {
        lock (_disabled)
        {
            if (disabled)
            {
                _disabled.Add(id);
            }
            else
            {
                _disabled.Remove(id);
            }
        }

        return Task.CompletedTask;
    }
}
