using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Sdk.Extensibility;

/// <summary>
/// The one builder a module or plugin receives: services plus typed registries for entities and field types.
/// Hooks, workflow actions and triggers, and integrations hang off it through extension methods.
/// </summary>
public interface ICrmBuilder
{
    /// <summary>The id of the module registering through this builder; it owns what it registers.</summary>
    string ModuleId { get; }

    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Entity definitions and extensions.</summary>
    IEntityRegistry Entities { get; }

    /// <summary>Field types.</summary>
    IFieldTypeRegistry FieldTypes { get; }
}
