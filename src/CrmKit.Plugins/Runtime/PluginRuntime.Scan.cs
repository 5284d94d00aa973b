using CrmKit.Core.Plugins;
using CrmKit.Plugins.Planning;

namespace CrmKit.Plugins.Runtime;

internal sealed partial class PluginRuntime
{
    /// <summary>
    /// Brings the entries in line with the in-code plugins and the plugins folder: new plugins load, changed ones
    /// (a different manifest version or newer files) reload, removed ones unload; everything is planned together, so a
    /// plugin whose dependency went away is blocked. Caller holds the gate.
    /// </summary>
    private async Task ScanCoreAsync(CancellationToken cancellationToken)
    {
        foreach (var plugin in _options.InCode)
        {
            var key = "code:" + plugin.Manifest.Id;
            if (!_entries.ContainsKey(key))
            {
                Track(key, new PluginEntry(plugin.Manifest.Id, null, plugin.Module) { Manifest = plugin.Manifest });
            }
        }

        var folders = DiscoverFolders();
        var changed = new HashSet<PluginEntry>();
        foreach (var removed in _entries.Values.Where(e => e.Folder is not null && !folders.Contains(e.Folder)).ToList())
        {
            changed.UnionWith(await UnloadDependentsAsync(removed, cancellationToken));
            await UnloadAsync(removed, cancellationToken);
            lock (_entries)
            {
                _entries.Remove(removed.Folder!);
            }
        }

        foreach (var folder in folders)
        {
            if (!_entries.TryGetValue(folder, out var entry))
            {
                entry = new PluginEntry(Path.GetFileName(folder), folder, null);
                Track(folder, entry);
            }
            else if (FolderStamp(folder) == entry.FolderStamp)
            {
                continue;
            }

            changed.UnionWith(await UnloadDependentsAsync(entry, cancellationToken));
            await UnloadAsync(entry, cancellationToken);
            if (TryReadManifest(entry))
            {
                changed.Add(entry);
            }
        }

        await PlanAndLoadAsync(changed, cancellationToken);
    }

    private async Task PlanAndLoadAsync(HashSet<PluginEntry> changed, CancellationToken cancellationToken)
    {
        var candidates = _entries.Values.Where(e => e.Manifest is not null).ToList();
        var plan = PluginPlanner.Plan([.. candidates.Select(e => e.Manifest!)], HostSdkVersion);
        foreach (var blocked in plan.Blocked)
        {
            foreach (var entry in candidates.Where(e => e.Id == blocked.Id && e.Manifest!.Version == blocked.Version))
            {
                await UnloadAsync(entry, cancellationToken);
                SetState(entry, PluginState.Blocked, blocked.Code, blocked.Reason);
            }
        }

        foreach (var manifest in plan.LoadOrder)
        {
            var entry = candidates.First(e => ReferenceEquals(e.Manifest, manifest));
            var dependencyChanged = manifest.Dependencies.Any(d => changed.Any(c => c.Id == d.Id));

            // Unchanged plugins keep their state: a loaded one stays loaded, a failed one is retried only when its files
            // change (a hanging plugin is not restarted on every scan), a disabled one stays disabled.
            if (!changed.Contains(entry) && !dependencyChanged &&
                entry.State is PluginState.Loaded or PluginState.Failed or PluginState.Disabled)
            {
                continue;
            }

            await UnloadAsync(entry, cancellationToken);
            if (await _states.IsDisabledAsync(entry.Id, cancellationToken))
            {
                SetState(entry, PluginState.Disabled, PluginRuntimeMessages.DisabledCode, PluginRuntimeMessages.Disabled);
                continue;
            }

            changed.Add(entry);
            await LoadAsync(entry, cancellationToken);
        }
    }

    private HashSet<string> DiscoverFolders()
    {
        if (_directory is null || !System.IO.Directory.Exists(_directory))
        {
            return [];
        }

        // Hidden folders (".staging") let a deployment copy a plugin next to the others and rename it into place.
        return System.IO.Directory.EnumerateDirectories(_directory)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Select(Path.GetFullPath)
            .ToHashSet(StringComparer.Ordinal);
    }

    private void Track(string key, PluginEntry entry)
    {
        entry.ChangedAt = _clock.GetUtcNow();
        lock (_entries)
        {
            _entries[key] = entry;
        }
    }
}
