using System.Diagnostics.CodeAnalysis;
using CrmKit.Core.Fields;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Modules;

/// <summary>The field-type registry a module compiled into the host sees: what it adds is marked as its own.</summary>
internal sealed class OwnedFieldTypeRegistry(FieldTypeRegistry registry, string owner) : IFieldTypeRegistry
{
    public IReadOnlyCollection<IFieldType> All => registry.All;

    public void Add(IFieldType fieldType) => registry.Add(fieldType, owner);

    public bool TryGet(string name, [NotNullWhen(true)] out IFieldType? fieldType) => registry.TryGet(name, out fieldType);
}
