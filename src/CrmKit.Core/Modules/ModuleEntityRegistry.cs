using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;

namespace CrmKit.Core.Modules;

/// <summary>The entity registry a module sees: what it registers is marked as its own.</summary>
internal sealed class ModuleEntityRegistry(string moduleId, ModuleRegistrations registrations) : IEntityRegistry
{
    public void Define(string name, Action<EntityBuilder> configure)
    {
        var builder = new EntityBuilder(name);
        configure(builder);
        registrations.AddEntity(moduleId, name, builder.Build());
    }

    public void Extend(string entity, Action<EntityExtensionBuilder> configure)
    {
        var builder = new EntityExtensionBuilder(entity);
        configure(builder);
        foreach (var (name, schema, required) in builder.Build())
        {
            registrations.AddExtension(moduleId, entity, name, schema, required);
        }
    }
}
