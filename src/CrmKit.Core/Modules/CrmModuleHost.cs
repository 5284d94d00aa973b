using CrmKit.Core.Fields;
using CrmKit.Core.Metadata;
using CrmKit.Core.Resources;
using CrmKit.Core.Settings;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmKit.Core.Modules;

/// <summary>
/// Activates and deactivates modules while the host runs — the plugin runtime's way in. Activation runs the module's
/// <see cref="ICrmModule.Configure"/> against a private service collection, checks every name it registers for
/// conflicts, then commits: field types, entities and fields (metadata), extensions, and finally the module's hosted
/// services. Any failure (an exception, a timeout, a conflict) rolls back everything but metadata already stored and
/// throws a <see cref="CrmException"/> with a stable code (<c>plugin.*</c>); the host keeps serving.
/// </summary>
/// <remarks>
/// A module's private services can resolve, besides its own registrations: <c>IRecordService</c>,
/// <c>TimeProvider</c>, <c>ILoggerFactory</c> and <c>ILogger&lt;T&gt;</c>, <c>IConfiguration</c> (when the host has
/// one), its own <c>IModuleSettings</c>, and whatever <see cref="ModuleActivationOptions.ShareServices"/> adds.
/// </remarks>
public sealed partial class CrmModuleHost : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ModuleActivation> _active = new(StringComparer.Ordinal);
    private readonly IServiceProvider _host;
    private readonly ExtensionCatalog _catalog;
    private readonly FieldTypeRegistry _fieldTypes;
    private readonly MetadataService _metadata;
    private readonly IModuleSettingsService _settings;
    private readonly ILogger _logger;

    internal CrmModuleHost(
        IServiceProvider host, ExtensionCatalog catalog, FieldTypeRegistry fieldTypes, MetadataService metadata, IModuleSettingsService settings)
    {
        _settings = settings;
        _host = host;
        _catalog = catalog;
        _fieldTypes = fieldTypes;
        _metadata = metadata;
        _logger = host.GetService<ILoggerFactory>()?.CreateLogger<CrmModuleHost>() ?? NullLogger<CrmModuleHost>.Instance;
    }

    /// <summary>Activates a module; see the class remarks for what happens and what can fail.</summary>
    /// <param name="module">The module (a plugin's entry point).</param>
    /// <param name="options">How to activate it.</param>
    /// <param name="cancellationToken">Cancels the activation.</param>
    /// <returns>What the module registered, and its services.</returns>
    /// <exception cref="CrmException">
    /// Codes <c>plugin.already_active</c>, <c>plugin.configure_failed</c>, <c>plugin.start_timeout</c>,
    /// <c>plugin.start_failed</c>, <c>plugin.conflict</c>, <c>plugin.field_conflict</c>,
    /// <c>plugin.extends_missing_entity</c>, or a metadata code for an invalid entity or field.
    /// </exception>
    public async Task<ModuleActivation> ActivateAsync(
        ICrmModule module, ModuleActivationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(options);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var id = module.Id;
            if (_active.ContainsKey(id))
            {
                throw CoreMessages.Exception(CrmErrorKind.Conflict, "plugin.already_active", id);
            }

            var staged = await ConfigureAsync(module, id, options, cancellationToken);
            return await CommitAsync(staged, options, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Deactivates a module: stops its hosted services, removes its extensions and field types (what they shadowed is
    /// active again), recompiles entities that used its types, and disposes its services. Its entities, fields and
    /// data stay. Does nothing when the module is not active.
    /// </summary>
    /// <param name="moduleId">The module id.</param>
    /// <param name="cancellationToken">Cancels waiting for the host's gate.</param>
    /// <returns>A task.</returns>
    public async Task DeactivateAsync(string moduleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moduleId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_active.Remove(moduleId, out var activation))
            {
                await StopAsync(activation, TimeSpan.FromSeconds(10));
                await UnregisterAsync(moduleId, activation.Services);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>Whether a module with the id is active (activated here and not deactivated).</summary>
    /// <param name="moduleId">The module id.</param>
    /// <returns>True when active.</returns>
    public bool IsActive(string moduleId)
    {
        lock (_active)
        {
            return _active.ContainsKey(moduleId);
        }
    }

    private async Task UnregisterAsync(string moduleId, IServiceProvider? services)
    {
        _catalog.RemoveOwnedBy(moduleId);
        var types = _fieldTypes.RemoveOwnedBy(moduleId);
        if (types.Count > 0)
        {
            await _metadata.RecompileForTypesAsync(types, CancellationToken.None);
        }

        switch (services)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    private static CrmException Failure(string code, string id, Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;
        return new CrmException(CrmErrorKind.BadRequest, code, CoreMessages.Text(code, id, inner.Message), innerException: inner);
    }
}
