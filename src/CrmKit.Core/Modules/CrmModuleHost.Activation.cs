using CrmKit.Core.Resources;
using CrmKit.Sdk.Settings;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmKit.Core.Modules;

public sealed partial class CrmModuleHost
{
    private async Task<StagedModule> ConfigureAsync(
        ICrmModule module, string id, ModuleActivationOptions options, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        ShareHostServices(services, options);
        services.AddSingleton(_settings.For(id));
        AddDecorated(services, options);
        var registrations = new ModuleRegistrations();
        var types = new StagingFieldTypeRegistry(_fieldTypes);
        var builder = new ActivationBuilder(id, services, new ModuleEntityRegistry(id, registrations), types);
        try
        {
            // Configure is the plugin's code: run it off the caller's thread so a hang is bounded by the timeout. A hung
            // Configure keeps its thread (and its load context) until it returns; nothing it registered is committed.
            await Task.Run(() => module.Configure(builder), CancellationToken.None)
                .WaitAsync(options.StartTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw CoreMessages.Exception(CrmErrorKind.BadRequest, "plugin.start_timeout", id, options.StartTimeout.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Failure("plugin.configure_failed", id, e);
        }

        // Settings declared with AddSettings are registered with the host, so they can be read and saved through the API;
        // the schema stays registered while the module is disabled, so an administrator can prepare its settings.
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(ModuleSettingsSchema) && d.ImplementationInstance is not null))
        {
            _settings.RegisterSchema(id, (ModuleSettingsSchema)descriptor.ImplementationInstance!);
        }

        var allowed = options.Replaces.Concat(options.Decorates).ToHashSet(StringComparer.Ordinal);
        foreach (var type in types.Added)
        {
            var name = type.Descriptor.Name;
            if (_fieldTypes.Contains(name) && !allowed.Contains(ExtensionKinds.Qualify(ExtensionKinds.FieldType, name)))
            {
                throw Conflict(id, ExtensionKinds.FieldType, name, _fieldTypes.OwnerOf(name) ?? "crmkit");
            }
        }

        IServiceProvider? provider = null;
        IReadOnlyList<CatalogEntry> entries;
        try
        {
            provider = options.ServiceProviderFactory.CreateServiceProvider(services);
            entries = ResolveExtensions(provider, services, id);
        }
        catch (Exception e) when (e is not CrmException)
        {
            if (provider is not null)
            {
                await DisposeAsync(provider);
            }

            throw Failure("plugin.start_failed", id, e);
        }

        foreach (var entry in entries.Where(e => e.Exclusive))
        {
            var (kind, name) = (entry.Registration.Kind, entry.Registration.Name);
            if (_catalog.FindActive(kind, name) is { } existing && !allowed.Contains(ExtensionKinds.Qualify(kind, name)))
            {
                await DisposeAsync(provider);
                throw Conflict(id, kind, name, existing.Registration.Owner);
            }
        }

        return new StagedModule(id, registrations, types.Added, provider, entries);
    }

    private async Task<ModuleActivation> CommitAsync(StagedModule staged, ModuleActivationOptions options, CancellationToken cancellationToken)
    {
        var id = staged.Id;
        foreach (var type in staged.FieldTypes)
        {
            if (_fieldTypes.Contains(type.Descriptor.Name))
            {
                _fieldTypes.Replace(type, id);
            }
            else
            {
                _fieldTypes.Add(type, id);
            }
        }

        var hosted = new List<IHostedService>();
        try
        {
            await _metadata.ApplyModulesAsync(staged.Registrations, cancellationToken);
            if (staged.FieldTypes.Count > 0)
            {
                await _metadata.RecompileForTypesAsync([.. staged.FieldTypes.Select(t => t.Descriptor.Name)], cancellationToken);
            }

            _catalog.Add(staged.Entries);
            await StartHostedServicesAsync(staged, options.StartTimeout, hosted, cancellationToken);
        }
        catch (Exception e)
        {
            await StopAsync(hosted, TimeSpan.FromSeconds(5));
            await UnregisterAsync(id, staged.Services);
            if (e is CrmException or OperationCanceledException)
            {
                throw;
            }

            throw Failure("plugin.start_failed", id, e);
        }

        var activation = new ModuleActivation(id, Describe(staged), staged.Services, hosted);
        lock (_active)
        {
            _active[id] = activation;
        }

        return activation;
    }

    private static async Task StartHostedServicesAsync(
        StagedModule staged, TimeSpan timeout, List<IHostedService> started, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        foreach (var service in staged.Services.GetServices<IHostedService>())
        {
            try
            {
                await Task.Run(() => service.StartAsync(deadline.Token), CancellationToken.None).WaitAsync(timeout, cancellationToken);
            }
            catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
            {
                throw CoreMessages.Exception(CrmErrorKind.BadRequest, "plugin.start_timeout", staged.Id, timeout.TotalSeconds);
            }

            started.Add(service);
        }
    }

    private async Task StopAsync(ModuleActivation activation, TimeSpan timeout) =>
        await StopAsync(activation.HostedServices, timeout);

    private async Task StopAsync(IReadOnlyList<IHostedService> services, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        foreach (var service in services.Reverse())
        {
            try
            {
                await service.StopAsync(deadline.Token).WaitAsync(timeout);
            }
            catch (Exception e)
            {
                // Stopping is best effort: the module goes away either way.
                LogStopFailed(_logger, e, service.GetType().FullName);
            }
        }
    }

    private void ShareHostServices(ServiceCollection services, ModuleActivationOptions options)
    {
        services.AddSingleton(_host.GetRequiredService<IRecordService>());
        services.AddSingleton(_host.GetRequiredService<CrmKit.Sdk.Security.IServicePrincipalProvider>());
        services.AddSingleton(_host.GetService<TimeProvider>() ?? TimeProvider.System);
        if (_host.GetService<ILoggerFactory>() is { } loggers)
        {
            services.AddSingleton(loggers);
            services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        }

        if (_host.GetService<IConfiguration>() is { } configuration)
        {
            services.AddSingleton(configuration);
        }

        options.ShareServices?.Invoke(services);
    }

    private void AddDecorated(ServiceCollection services, ModuleActivationOptions options)
    {
        foreach (var qualified in options.Decorates)
        {
            var colon = qualified.IndexOf(':', StringComparison.Ordinal);
            var contract = ExtensionContracts.All.Append(ExtensionContracts.FileStore).FirstOrDefault(c => c.Kind == qualified[..Math.Max(colon, 0)]);
            if (contract is not null && _catalog.FindActive(contract.Kind, qualified[(colon + 1)..]) is { } original)
            {
                services.AddKeyedSingleton(contract.Contract, qualified, original.Instance);
            }
        }
    }

    private static List<CatalogEntry> ResolveExtensions(IServiceProvider provider, ServiceCollection services, string owner)
    {
        var entries = new List<CatalogEntry>();
        foreach (var contract in ExtensionContracts.All)
        {
            foreach (var instance in provider.GetServices(contract.Contract).OfType<object>())
            {
                entries.Add(new CatalogEntry(new RegisteredExtension(contract.Kind, contract.NameOf(instance), owner), instance, contract.Exclusive));
            }
        }

        foreach (var descriptor in services.Where(d => d.IsKeyedService && d.ServiceType == ExtensionContracts.FileStore.Contract))
        {
            if (descriptor.ServiceKey is string name && !name.Contains(':', StringComparison.Ordinal))
            {
                var store = provider.GetRequiredKeyedService(descriptor.ServiceType, name);
                entries.Add(new CatalogEntry(new RegisteredExtension(ExtensionKinds.FileStore, name, owner), store, Exclusive: true));
            }
        }

        return entries;
    }

    private static List<string> Describe(StagedModule staged)
    {
        var registered = new List<string>();
        registered.AddRange(staged.Registrations.Entities.Select(e => ExtensionKinds.Qualify(ExtensionKinds.Entity, e.Entity)));
        registered.AddRange(staged.Registrations.Entities.SelectMany(e =>
            (e.Document["properties"]?.AsObject() ?? []).Select(p => ExtensionKinds.Qualify(ExtensionKinds.Field, e.Entity + "." + p.Key))));
        registered.AddRange(staged.Registrations.Extensions.Select(x => ExtensionKinds.Qualify(ExtensionKinds.Field, x.Entity + "." + x.Field)));
        registered.AddRange(staged.FieldTypes.Select(t => ExtensionKinds.Qualify(ExtensionKinds.FieldType, t.Descriptor.Name)));
        registered.AddRange(staged.Entries.Select(e => e.Registration.QualifiedName));
        return registered;
    }

    private static CrmException Conflict(string id, string kind, string name, string owner) =>
        CoreMessages.Exception(CrmErrorKind.Conflict, "plugin.conflict", id, ExtensionKinds.Qualify(kind, name), owner);

    private static async Task DisposeAsync(IServiceProvider provider)
    {
        if (provider is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping {Service} failed")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string? service);

    private sealed record StagedModule(
        string Id, ModuleRegistrations Registrations, IReadOnlyList<CrmKit.Sdk.Fields.IFieldType> FieldTypes,
        IServiceProvider Services, IReadOnlyList<CatalogEntry> Entries);

    private sealed class ActivationBuilder(string moduleId, IServiceCollection services, IEntityRegistry entities, IFieldTypeRegistry fieldTypes)
        : ICrmBuilder
    {
        public string ModuleId { get; } = moduleId;

        public IServiceCollection Services { get; } = services;

        public IEntityRegistry Entities { get; } = entities;

        public IFieldTypeRegistry FieldTypes { get; } = fieldTypes;
    }
}
