using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Builders;

/// <summary>Adds fields to an entity another module defined. The fields are marked with the extending module.</summary>
public sealed class EntityExtensionBuilder : IFieldSetBuilder
{
    private readonly List<FieldBuilder> _fields = [];

    /// <summary>Creates a builder.</summary>
    /// <param name="entity">The entity being extended.</param>
    public EntityExtensionBuilder(string entity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        Entity = entity;
    }

    /// <summary>The entity being extended.</summary>
    public string Entity { get; }

    /// <inheritdoc />
    public void AddField(string name, string type, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, type);
        configure?.Invoke(field);
        _fields.Add(field);
    }

    /// <summary>Returns the added fields as JSON Schema properties, with whether each is required.</summary>
    /// <returns>The fields in the order they were added.</returns>
    public IReadOnlyList<(string Name, JsonObject Schema, bool Required)> Build() =>
        _fields.Select(f => (f.Name, f.Build(), f.IsRequired)).ToList();
}
