namespace CrmKit.Core.Fields;

/// <summary>The <see cref="IFieldTypeCatalog"/> over the host's <see cref="FieldTypeRegistry"/>.</summary>
internal sealed class FieldTypeCatalog(FieldTypeRegistry registry) : IFieldTypeCatalog
{
    public IReadOnlyList<FieldTypeInfo> List()
    {
        var types = new List<FieldTypeInfo>();
        foreach (var type in registry.All)
        {
            var name = type.Descriptor.Name;
            var owner = registry.OwnerOf(name);

            // A plugin unloading between the snapshot and the owner lookup would make its type look built-in; a type
            // no longer active is left out instead.
            if (registry.TryGet(name, out var active) && ReferenceEquals(active, type))
            {
                types.Add(new FieldTypeInfo(type.Descriptor, owner));
            }
        }

        return types;
    }
}
