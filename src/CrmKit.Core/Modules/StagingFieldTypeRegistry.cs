using System.Diagnostics.CodeAnalysis;
using CrmKit.Core.Fields;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Modules;

/// <summary>
/// The field-type registry a module activated at run time sees while it configures: its own additions are held back
/// until the host has checked them for conflicts; lookups see them and the host's types.
/// </summary>
internal sealed class StagingFieldTypeRegistry(FieldTypeRegistry host) : IFieldTypeRegistry
{
    private readonly Lock _lock = new();
    private readonly List<IFieldType> _added = [];

    public IReadOnlyList<IFieldType> Added
    {
        get
        {
            lock (_lock)
            {
                return [.. _added];
            }
        }
    }

    public IReadOnlyCollection<IFieldType> All => [.. host.All.Where(t => !Added.Any(a => a.Descriptor.Name == t.Descriptor.Name)), .. Added];

    public void Add(IFieldType fieldType)
    {
        ArgumentNullException.ThrowIfNull(fieldType);
        lock (_lock)
        {
            if (_added.Any(t => t.Descriptor.Name == fieldType.Descriptor.Name))
            {
                throw new InvalidOperationException(FieldMessages.Get("Registry_DuplicateType", fieldType.Descriptor.Name).Get());
            }

            _added.Add(fieldType);
        }
    }

    public bool TryGet(string name, [NotNullWhen(true)] out IFieldType? fieldType)
    {
        lock (_lock)
        {
            fieldType = _added.FirstOrDefault(t => t.Descriptor.Name == name);
        }

        return fieldType is not null || host.TryGet(name, out fieldType);
    }
}
