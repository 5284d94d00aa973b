using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.JsonSchema;
using CrmKit.Sdk.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmKit.Core.Settings;

/// <summary>
/// The default <see cref="IModuleSettingsService"/>: schemas compiled with CrmKit.JsonSchema, values stored as one JSON
/// document per module through <see cref="ICrmStore"/> with secrets encrypted by <see cref="ISecretProtector"/>, and an
/// in-memory copy (secrets decrypted) of each module's latest save.
/// </summary>
/// <remarks>
/// The in-memory copy is refreshed by saves made through this instance; a save made by another server sharing the
/// database is seen after <see cref="GetAsync"/> or a restart.
/// </remarks>
internal sealed partial class DefaultModuleSettingsService : IModuleSettingsService
{
    private readonly ICrmStore _store;
    private readonly ISecretProtector _protector;
    private readonly ILogger _logger;
    private readonly JsonSchemaCompiler _compiler = new();
    private readonly ConcurrentDictionary<string, CompiledSettingsSchema> _schemas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SettingsSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModuleSettings> _readers = new(StringComparer.Ordinal);

    public DefaultModuleSettingsService(
        ICrmStore store, IEnumerable<ModuleSettingsSchema> schemas, ISecretProtector protector, ILoggerFactory? loggers = null)
    {
        _store = store;
        _protector = protector;

        // Hosts without logging (tests, tools) still get the service.
        _logger = loggers?.CreateLogger<DefaultModuleSettingsService>() ?? NullLogger<DefaultModuleSettingsService>.Instance;

        // Modules added in code share the host's services, so their AddSettings calls are found here.
        foreach (var schema in schemas)
        {
            RegisterSchema(schema.ModuleId, schema);
        }
    }

    /// <summary>The ids of the modules with a registered schema.</summary>
    public IReadOnlyCollection<string> ModuleIds => _schemas.Keys.ToList();

    public void RegisterSchema(string moduleId, ModuleSettingsSchema schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moduleId);
        ArgumentNullException.ThrowIfNull(schema);
        if (!string.Equals(moduleId, schema.ModuleId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The schema belongs to '{schema.ModuleId}', not '{moduleId}'.", nameof(schema));
        }

        var json = schema.GetSchema();
        if (_schemas.TryGetValue(moduleId, out var registered) && JsonNode.DeepEquals(registered.Schema, json))
        {
            return;
        }

        _schemas[moduleId] = CompiledSettingsSchema.Compile(moduleId, json, _compiler);
    }

    public void Unregister(string moduleId)
    {
        ArgumentNullException.ThrowIfNull(moduleId);
        _schemas.TryRemove(moduleId, out _);
    }

    public bool HasSchema(string moduleId)
    {
        ArgumentNullException.ThrowIfNull(moduleId);
        return _schemas.ContainsKey(moduleId);
    }

    public IModuleSettings For(string moduleId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moduleId);
        return _readers.GetOrAdd(moduleId, id => new ModuleSettings(this, id));
    }

    /// <summary>The current values with defaults applied, for <see cref="ModuleSettings"/>.</summary>
    internal JsonObject GetCurrent(string moduleId)
    {
        var values = GetSnapshot(moduleId).Values;
        return _schemas.TryGetValue(moduleId, out var schema) ? schema.WithDefaults(values) : values.DeepClone().AsObject();
    }

    /// <summary>The in-memory copy of a module's settings, read from the store the first time.</summary>
    internal SettingsSnapshot GetSnapshot(string moduleId)
    {
        if (_snapshots.TryGetValue(moduleId, out var snapshot))
        {
            return snapshot;
        }

        // IModuleSettings is synchronous so that module code can read settings anywhere; the copy is normally loaded at
        // start-up (ModuleSettingsInitializer) or by GetAsync, and this blocking read is the fallback for the first
        // read of a module registered later. Core has no synchronization context to deadlock on.
        return LoadAsync(moduleId, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Reads a module's settings from the store and refreshes the in-memory copy.</summary>
    internal async Task<SettingsSnapshot> LoadAsync(string moduleId, CancellationToken cancellationToken)
    {
        await using var session = await _store.BeginAsync(write: false, cancellationToken);
        var stored = await session.ReadSettingAsync(Key(moduleId), cancellationToken);
        return Remember(moduleId, ToSnapshot(stored, _protector));
    }

    /// <summary>Reads every remembered module's settings again and replaces the in-memory copies (after a rollback).</summary>
    internal async Task ReloadAllAsync(CancellationToken cancellationToken)
    {
        await using var session = await _store.BeginAsync(write: false, cancellationToken);
        foreach (var moduleId in _snapshots.Keys.ToList())
        {
            _snapshots[moduleId] = ToSnapshot(await session.ReadSettingAsync(Key(moduleId), cancellationToken), _protector);
        }
    }

    private static string Key(string moduleId) => "module:" + moduleId;

    private static SettingsSnapshot ToSnapshot(StoredSetting? stored, ISecretProtector protector) =>
        stored is null
            ? new SettingsSnapshot([], 0)
            : new SettingsSnapshot(SecretValues.Reveal(JsonNode.Parse(stored.Value) as JsonObject ?? [], protector), stored.Version);

    /// <summary>Keeps the newer of the remembered and the given snapshot (a slow read must not undo a save).</summary>
    private SettingsSnapshot Remember(string moduleId, SettingsSnapshot snapshot) =>
        _snapshots.AddOrUpdate(moduleId, snapshot, (_, current) => current.Version > snapshot.Version ? current : snapshot);

    private CompiledSettingsSchema Schema(string moduleId) =>
        _schemas.TryGetValue(moduleId, out var schema) ? schema : throw SettingsMessages.ModuleNotFound(moduleId);
}
