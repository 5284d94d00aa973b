using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.Logging;

namespace CrmKit.Core.Settings;

/// <summary>Reading and saving through the API: validation, secrets, versions.</summary>
internal sealed partial class DefaultModuleSettingsService
{
    public async Task<ModuleSettingsView> GetAsync(string moduleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moduleId);
        var schema = Schema(moduleId);
        var snapshot = await LoadAsync(moduleId, cancellationToken);
        return View(schema, snapshot);
    }

    public async Task<ModuleSettingsView> SaveAsync(
        string moduleId, JsonObject values, long? expectedVersion, CrmPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moduleId);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(principal);
        var schema = Schema(moduleId);
        var key = Key(moduleId);

        await using var session = await _store.BeginAsync(write: true, cancellationToken);
        var stored = ToSnapshot(await session.ReadSettingAsync(key, cancellationToken), _protector);
        if (expectedVersion is { } expected && expected != stored.Version)
        {
            throw SettingsMessages.VersionConflict(moduleId, stored.Version, expected);
        }

        var merged = Merge(schema, values, stored.Values);
        var errors = schema.Validate(merged);
        if (errors.Count > 0)
        {
            throw SettingsMessages.Invalid(moduleId, errors);
        }

        try
        {
            await session.WriteSettingAsync(key, SecretValues.Conceal(merged, schema.Secrets, _protector).ToJsonString(), stored.Version, cancellationToken);
        }
        catch (SettingConcurrencyException)
        {
            // Another writer got in between the read and the write (a store without a write lock).
            throw SettingsMessages.VersionConflict(moduleId, stored.Version + 1, stored.Version);
        }

        await session.CommitAsync(cancellationToken);
        var saved = Remember(moduleId, new SettingsSnapshot(merged, stored.Version + 1));
        LogSaved(_logger, moduleId, saved.Version, principal.UserId);
        return View(schema, saved);
    }

    /// <summary>
    /// The values to store: the new non-null values, plus each stored secret the input leaves out. Nulls mean "not set",
    /// so a secret given as null is cleared.
    /// </summary>
    private static JsonObject Merge(CompiledSettingsSchema schema, JsonObject values, JsonObject stored)
    {
        var merged = new JsonObject();
        foreach (var (name, value) in values)
        {
            if (value is not null)
            {
                merged[name] = value.DeepClone();
            }
        }

        foreach (var secret in schema.Secrets)
        {
            if (!values.ContainsKey(secret) && stored.TryGetPropertyValue(secret, out var kept) && kept is not null)
            {
                merged[secret] = kept.DeepClone();
            }
        }

        return merged;
    }

    private static ModuleSettingsView View(CompiledSettingsSchema schema, SettingsSnapshot snapshot)
    {
        var values = new JsonObject();
        var secretsSet = new List<string>();
        foreach (var (name, value) in snapshot.Values)
        {
            if (!schema.IsSecret(name))
            {
                values[name] = value?.DeepClone();
            }
        }

        foreach (var secret in schema.Secrets)
        {
            if (snapshot.Values[secret] is not null)
            {
                secretsSet.Add(secret);
            }
        }

        return new ModuleSettingsView
        {
            ModuleId = schema.ModuleId,
            Values = values,
            SecretsSet = secretsSet,
            Version = snapshot.Version,
            Schema = schema.Schema.DeepClone().AsObject(),
        };
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Settings of {ModuleId} saved at version {Version} by {UserId}.")]
    private static partial void LogSaved(ILogger logger, string moduleId, long version, string userId);
}
