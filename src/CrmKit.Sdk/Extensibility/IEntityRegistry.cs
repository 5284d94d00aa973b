using CrmKit.Sdk.Builders;

namespace CrmKit.Sdk.Extensibility;

/// <summary>Where a module declares the entities it defines and the fields it adds to other modules' entities.</summary>
public interface IEntityRegistry
{
    /// <summary>Defines an entity owned by the registering module.</summary>
    /// <param name="name">The entity name (lower snake case).</param>
    /// <param name="configure">Sets labels and fields.</param>
    void Define(string name, Action<EntityBuilder> configure);

    /// <summary>Adds fields to an entity defined elsewhere; the fields are owned by the registering module.</summary>
    /// <param name="entity">The entity to extend.</param>
    /// <param name="configure">Adds the fields.</param>
    void Extend(string entity, Action<EntityExtensionBuilder> configure);
}
