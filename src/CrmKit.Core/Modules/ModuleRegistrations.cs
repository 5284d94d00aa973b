using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Modules;

/// <summary>
/// What modules registered through a builder: entity documents and field extensions in order, and which module added
/// which service implementation (so the host can name the owner of every hook, action or integration).
/// </summary>
internal sealed class ModuleRegistrations
{
    private readonly List<EntityRegistration> _entities = [];
    private readonly List<FieldExtension> _extensions = [];
    private readonly Dictionary<Type, string> _serviceOwners = [];

    public IReadOnlyList<EntityRegistration> Entities => _entities;

    public IReadOnlyList<FieldExtension> Extensions => _extensions;

    public void AddEntity(string moduleId, string entity, JsonObject document)
    {
        if (_entities.Any(e => e.Entity == entity))
        {
            var owner = _entities.First(e => e.Entity == entity).ModuleId;
            throw new InvalidOperationException(
                $"Module '{moduleId}' defines entity '{entity}', which module '{owner}' already defines.");
        }

        _entities.Add(new EntityRegistration(moduleId, entity, document));
    }

    public void AddExtension(string moduleId, string entity, string field, JsonObject schema, bool required) =>
        _extensions.Add(new FieldExtension(moduleId, entity, field, schema, required));

    /// <summary>Notes the owner of the implementation types among <paramref name="added"/>.</summary>
    public void AddServiceOwner(string moduleId, IEnumerable<ServiceDescriptor> added)
    {
        foreach (var descriptor in added)
        {
            var type = descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType;
            if (type is not null)
            {
                _serviceOwners.TryAdd(type, moduleId);
            }
        }
    }

    /// <summary>The module that registered an implementation type; null when the host did.</summary>
    public string? OwnerOf(Type implementationType) => _serviceOwners.GetValueOrDefault(implementationType);

    internal sealed record EntityRegistration(string ModuleId, string Entity, JsonObject Document);

    internal sealed record FieldExtension(string ModuleId, string Entity, string Field, JsonObject Schema, bool Required);
}
