using System.Runtime.CompilerServices;
using CrmKit.Core.Modules;
using CrmKit.Core.Plugins;
using CrmKit.Plugins.Loading;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.Runtime;

internal sealed partial class PluginRuntime
{
    /// <summary>Loads one planned plugin whose dependencies are loaded; any failure marks it Failed. Caller holds the gate.</summary>
    private async Task LoadAsync(PluginEntry entry, CancellationToken cancellationToken)
    {
        var manifest = entry.Manifest!;
        foreach (var dependency in manifest.Dependencies)
        {
            var loaded = _entries.Values.FirstOrDefault(e => e.Id == dependency.Id && e.State == PluginState.Loaded);
            if (loaded is null)
            {
                var state = _entries.Values.FirstOrDefault(e => e.Id == dependency.Id)?.State.ToString().ToLowerInvariant() ?? "missing";
                SetState(entry, PluginState.Blocked, PluginRuntimeMessages.DependencyNotLoadedCode,
                    PluginRuntimeMessages.DependencyNotLoaded(entry.Id, dependency.Id, state));
                return;
            }
        }

        LoadedPluginAssembly? assembly = null;
        try
        {
            ICrmModule module;
            if (entry.InCodeModule is { } inCode)
            {
                module = inCode;
            }
            else
            {
                PluginAssemblyInspector.Inspect(entry.Folder!, manifest, new Version(HostSdkVersion.Major, HostSdkVersion.Minor, HostSdkVersion.Patch));
                assembly = PluginAssemblyLoader.Load(entry.Folder!, manifest);
                var loadedAssembly = assembly;

                // The module's constructor is plugin code too: bounded like its registration.
                module = await Task.Run(loadedAssembly.CreateModule, CancellationToken.None).WaitAsync(_options.StartTimeout, cancellationToken);
            }

            var activation = await _modules.ActivateAsync(module, new ModuleActivationOptions
            {
                ServiceProviderFactory = new DefaultServiceProviderFactory(),
                Replaces = manifest.Replaces,
                Decorates = manifest.Decorates,
                StartTimeout = _options.StartTimeout,
            }, cancellationToken);
            entry.Assembly = assembly;
            entry.Activation = activation;
            SetState(entry, PluginState.Loaded, null, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (assembly is not null)
            {
                LastUnloaded = assembly.Unload();
            }

            var (code, reason) = e switch
            {
                CrmException crm => (crm.Code, crm.Message),
                TimeoutException => (PluginRuntimeMessages.StartTimeoutCode, PluginRuntimeMessages.LoadFailed(entry.Id, e.Message)),
                _ => (PluginRuntimeMessages.LoadFailedCode, PluginRuntimeMessages.LoadFailed(entry.Id, e.Message)),
            };
            SetState(entry, PluginState.Failed, code, reason);
        }
    }

    /// <summary>Unregisters a loaded plugin and unloads its code. Caller holds the gate.</summary>
    private async Task UnloadAsync(PluginEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Activation is not null)
        {
            await _modules.DeactivateAsync(entry.Id, cancellationToken);
            entry.Activation = null;
        }

        Release(entry);
    }

    // Not inlined, so no local of the caller keeps the assembly reachable while the context unloads.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Release(PluginEntry entry)
    {
        if (entry.Assembly is not null)
        {
            LastUnloaded = entry.Assembly.Unload();
            entry.Assembly = null;
        }
    }

    /// <summary>
    /// Unloads the plugin and the loaded plugins that depend on it (they may decorate or extend what it registers), re-reads
    /// its folder's manifest, plans everything again and loads it and its dependents. Caller holds the gate.
    /// </summary>
    private async Task ReloadCoreAsync(PluginEntry entry, CancellationToken cancellationToken)
    {
        var dependents = await UnloadDependentsAsync(entry, cancellationToken);
        await UnloadAsync(entry, cancellationToken);
        var changed = new HashSet<PluginEntry>(dependents);
        if (entry.Folder is null || TryReadManifest(entry))
        {
            changed.Add(entry);
        }

        await PlanAndLoadAsync(changed, cancellationToken);
    }

    /// <summary>Unloads the loaded plugins that depend on <paramref name="entry"/>, directly or not, dependents first.</summary>
    private async Task<List<PluginEntry>> UnloadDependentsAsync(PluginEntry entry, CancellationToken cancellationToken)
    {
        var dependents = new List<PluginEntry>();
        var frontier = new Queue<string>([entry.Id]);
        while (frontier.TryDequeue(out var id))
        {
            foreach (var dependent in _entries.Values.Where(e => e.Activation is not null && !dependents.Contains(e) &&
                         e.Manifest!.Dependencies.Any(d => d.Id == id)).ToList())
            {
                dependents.Add(dependent);
                frontier.Enqueue(dependent.Id);
            }
        }

        foreach (var dependent in Enumerable.Reverse(dependents))
        {
            await UnloadAsync(dependent, cancellationToken);
        }

        return dependents;
    }

    /// <summary>Reads the folder's manifest into the entry; an unreadable one marks it Failed. Caller holds the gate.</summary>
    private bool TryReadManifest(PluginEntry entry)
    {
        entry.FolderStamp = FolderStamp(entry.Folder!);
        try
        {
            entry.Manifest = PluginManifestReader.ReadFromFolder(entry.Folder!);
            lock (_entries)
            {
                entry.Id = entry.Manifest.Id;
            }

            return true;
        }
        catch (PluginManifestException e)
        {
            entry.Manifest = null;
            SetState(entry, PluginState.Failed, e.Code, e.Message);
            return false;
        }
    }

    private static DateTime FolderStamp(string folder) =>
        System.IO.Directory.Exists(folder)
            ? System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty().Max()
            : default;
}
