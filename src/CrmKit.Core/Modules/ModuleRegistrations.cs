using System.Text.Json.Nodes;

namespace CrmKit.Core.Modules;

/// <summary>What the modules registered through the builder: entity documents and field extensions, in order.</summary>
internal sealed class ModuleRegistrations
{
    private readonly List<EntityRegistration> _entities = [];
    private readonly List<FieldExtension> _extensions = [];

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

    internal sealed record EntityRegistration(string ModuleId, string Entity, JsonObject Document);

    internal sealed record FieldExtension(string ModuleId, string Entity, string Field, JsonObject Schema, bool Required);
}
