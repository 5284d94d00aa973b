using CrmKit.Core.Modules;
using CrmKit.Core.Plugins;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NuGet.Versioning;

namespace CrmKit.Plugins.Runtime;

/// <summary>
/// Discovers, plans, loads, unloads and reports the host's plugins. Every state change runs under one gate, so a scan,
/// an enable and a reload never interleave. A plugin that fails is marked Failed with the reason; the host keeps
/// serving and the other plugins load.
/// </summary>
internal sealed partial class PluginRuntime : IPluginManager, IHostedService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, PluginEntry> _entries = new(StringComparer.Ordinal);
    private readonly CrmModuleHost _modules;
    private readonly PluginStateStore _states;
    private readonly PluginRuntimeOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string? _directory;
    private PluginDirectoryWatcher? _watcher;
    private bool _disposed;

    public PluginRuntime(
        CrmModuleHost modules, PluginStateStore states, IOptions<PluginRuntimeOptions> options, TimeProvider clock,
        ILogger<PluginRuntime>? logger = null, IHostEnvironment? environment = null)
    {
        _modules = modules;
        _states = states;
        _options = options.Value;
        _clock = clock;
        _logger = logger ?? NullLogger<PluginRuntime>.Instance;
        _directory = string.IsNullOrWhiteSpace(_options.Directory) ? null
            : Path.GetFullPath(_options.Directory, environment?.ContentRootPath ?? System.IO.Directory.GetCurrentDirectory());
    }

    /// <summary>The CrmKit.Sdk version this host runs, against which plugins' SDK ranges are checked.</summary>
    public static NuGetVersion HostSdkVersion { get; } = SdkVersion();

    /// <summary>The plugins folder (full path), or null when the host uses none.</summary>
    public string? Directory => _directory;

    /// <summary>The load context of the plugin unloaded last, for tests that prove it is collected.</summary>
    internal WeakReference? LastUnloaded { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_directory is not null)
        {
            System.IO.Directory.CreateDirectory(_directory);
        }

        await GatedAsync(() => ScanCoreAsync(cancellationToken), cancellationToken);
        if (_directory is not null && _options.WatchDirectory)
        {
            try
            {
                _watcher = new PluginDirectoryWatcher(_directory, _options.WatchDelay, OnFolderChangedAsync);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                // For example the inotify instance limit: the host still serves, and POST /api/plugins/scan still works.
                LogWatchFailed(_logger, e, _directory);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        if (Volatile.Read(ref _disposed))
        {
            // A host can be stopped after its services were disposed (a test server torn down twice); the plugins went
            // with the container.
            return;
        }

        await GatedAsync(async () =>
        {
            foreach (var entry in _entries.Values.Where(e => e.State == PluginState.Loaded).Reverse())
            {
                await UnloadAsync(entry, cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _watcher?.Dispose();

        // The gate is not disposed: a test server can dispose the container while the host is still stopping (and
        // unloading plugins under the gate), and a SemaphoreSlim whose wait handle is never used holds nothing to free.
    }

    public IReadOnlyList<PluginStatus> List()
    {
        lock (_entries)
        {
            return _entries.Values.Select(e => e.ToStatus()).OrderBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Source, StringComparer.Ordinal).ToList();
        }
    }

    public PluginStatus? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return List().FirstOrDefault(s => s.Id == id);
    }

    public Task<PluginStatus> EnableAsync(string id, CancellationToken cancellationToken) =>
        GatedAsync(async () =>
        {
            var entry = Get(id);
            await _states.SetDisabledAsync(id, false, cancellationToken);
            if (entry.State != PluginState.Loaded)
            {
                await ReloadCoreAsync(entry, cancellationToken);
            }

            return entry.ToStatus();
        }, cancellationToken);

    public Task<PluginStatus> DisableAsync(string id, CancellationToken cancellationToken) =>
        GatedAsync(async () =>
        {
            var entry = Get(id);
            var dependents = _entries.Values
                .Where(e => e.State == PluginState.Loaded && e.Manifest!.Dependencies.Any(d => d.Id == id))
                .Select(e => e.Id).ToList();
            if (dependents.Count > 0)
            {
                throw new CrmException(CrmErrorKind.Conflict, PluginRuntimeMessages.HasDependentsCode,
                    LocalizedText.Of(PluginRuntimeMessages.HasDependents(id, dependents)));
            }

            await _states.SetDisabledAsync(id, true, cancellationToken);
            await UnloadAsync(entry, cancellationToken);
            SetState(entry, PluginState.Disabled, PluginRuntimeMessages.DisabledCode, PluginRuntimeMessages.Disabled);
            return entry.ToStatus();
        }, cancellationToken);

    public Task<PluginStatus> ReloadAsync(string id, CancellationToken cancellationToken) =>
        GatedAsync(async () =>
        {
            var entry = Get(id);
            if (entry.State != PluginState.Disabled)
            {
                await ReloadCoreAsync(entry, cancellationToken);
            }

            return entry.ToStatus();
        }, cancellationToken);

    public Task<IReadOnlyList<PluginStatus>> ScanAsync(CancellationToken cancellationToken) =>
        GatedAsync(async () =>
        {
            await ScanCoreAsync(cancellationToken);
            return List();
        }, cancellationToken);

    private PluginEntry Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_entries)
        {
            // The same entry Find reports: of several with one id (all blocked as duplicates), the first by source.
            return _entries.Values.Where(e => e.Id == id).OrderBy(e => e.Folder ?? "code", StringComparer.Ordinal).FirstOrDefault()
                ?? throw new CrmException(CrmErrorKind.NotFound, PluginRuntimeMessages.NotFoundCode, LocalizedText.Of(PluginRuntimeMessages.NotFound(id)));
        }
    }

    private void SetState(PluginEntry entry, PluginState state, string? code, string? reason)
    {
        lock (_entries)
        {
            entry.State = state;
            entry.ReasonCode = code;
            entry.Reason = reason;
            entry.ChangedAt = _clock.GetUtcNow();
        }

        if (state == PluginState.Failed)
        {
            LogFailed(_logger, entry.Id, code, reason);
        }
    }

    private async Task OnFolderChangedAsync()
    {
        try
        {
            await ScanAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A watcher callback has no caller to report to; the next change or an explicit scan tries again.
            LogScanFailed(_logger, e);
        }
    }

    private async Task<T> GatedAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await action();
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task<bool> GatedAsync(Func<Task> action, CancellationToken cancellationToken) =>
        GatedAsync(async () =>
        {
            await action();
            return true;
        }, cancellationToken);

    private static NuGetVersion SdkVersion()
    {
        var assembly = typeof(ICrmModule).Assembly;
        var informational = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        if (informational is not null && NuGetVersion.TryParse(informational.Split('+')[0], out var version))
        {
            return version;
        }

        var name = assembly.GetName().Version ?? new Version(0, 0, 0);
        return new NuGetVersion(name.Major, name.Minor, Math.Max(name.Build, 0));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Id} failed: {Code} {Reason}")]
    private static partial void LogFailed(ILogger logger, string id, string? code, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch the plugins folder {Directory}; changes are picked up by a scan or a restart")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rescanning the plugins folder failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
