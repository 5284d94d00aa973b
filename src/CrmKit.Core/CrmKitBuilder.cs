using CrmKit.Core.Fields;
using CrmKit.Core.Modules;
using CrmKit.Sdk.Extensibility;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core;

/// <summary>
/// The builder <see cref="CrmKitServiceCollectionExtensions.AddCrmKit"/> returns: the host's own
/// <see cref="ICrmBuilder"/> (module id <c>host</c>) and the place to add modules and choose a store.
/// </summary>
public sealed class CrmKitBuilder : ICrmBuilder
{
    private readonly ModuleRegistrations _registrations;
    private readonly HashSet<string> _moduleIds = new(StringComparer.Ordinal);

    private readonly FieldTypeRegistry _fieldTypes;

    internal CrmKitBuilder(IServiceCollection services, FieldTypeRegistry fieldTypes, ModuleRegistrations registrations)
    {
        Services = services;
        _fieldTypes = fieldTypes;
        FieldTypes = new OwnedFieldTypeRegistry(fieldTypes, "host");
        _registrations = registrations;
        Entities = new ModuleEntityRegistry(ModuleId, registrations);
    }

    /// <inheritdoc />
    public string ModuleId => "host";

    /// <inheritdoc />
    public IServiceCollection Services { get; }

    /// <inheritdoc />
    public IEntityRegistry Entities { get; }

    /// <inheritdoc />
    public IFieldTypeRegistry FieldTypes { get; }

    /// <summary>Adds a module: it registers its entities, fields, field types and hooks under its own id.</summary>
    /// <param name="module">The module.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">A module with the same id was added already.</exception>
    public CrmKitBuilder AddModule(ICrmModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!_moduleIds.Add(module.Id))
        {
            throw new InvalidOperationException($"Module '{module.Id}' was added twice.");
        }

        var before = Services.Count;
        module.Configure(new ModuleBuilder(module.Id, Services, new OwnedFieldTypeRegistry(_fieldTypes, module.Id), _registrations));
        _registrations.AddServiceOwner(module.Id, Services.Skip(before));
        return this;
    }

    private sealed class ModuleBuilder(
        string moduleId, IServiceCollection services, IFieldTypeRegistry fieldTypes, ModuleRegistrations registrations)
        : ICrmBuilder
    {
        public string ModuleId { get; } = moduleId;

        public IServiceCollection Services { get; } = services;

        public IEntityRegistry Entities { get; } = new ModuleEntityRegistry(moduleId, registrations);

        public IFieldTypeRegistry FieldTypes { get; } = fieldTypes;
    }
}
