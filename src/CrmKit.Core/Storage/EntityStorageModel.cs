namespace CrmKit.Core.Storage;

/// <summary>What a store needs to know about one entity: its name and the fields it filters, sorts and indexes on.</summary>
/// <param name="Entity">The entity name; safe as an identifier (<c>[a-z][a-z0-9_]*</c>).</param>
/// <param name="Fields">The non-system fields.</param>
public sealed record EntityStorageModel(string Entity, IReadOnlyList<StorageField> Fields)
{
    /// <summary>Finds a field by name.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The field, or null.</returns>
    public StorageField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
