using System.Diagnostics.CodeAnalysis;
using CrmKit.Sdk.Fields;

namespace CrmKit.Sdk.Extensibility;

/// <summary>The field types a host knows. Plugins add theirs; a name can be registered only once.</summary>
public interface IFieldTypeRegistry
{
    /// <summary>Adds a field type.</summary>
    /// <param name="fieldType">The field type.</param>
    /// <exception cref="InvalidOperationException">A type with the same name is already registered.</exception>
    void Add(IFieldType fieldType);

    /// <summary>Finds a field type by name.</summary>
    /// <param name="name">The type name.</param>
    /// <param name="fieldType">The type, when found.</param>
    /// <returns>True when found.</returns>
    bool TryGet(string name, [NotNullWhen(true)] out IFieldType? fieldType);

    /// <summary>All registered field types.</summary>
    IReadOnlyCollection<IFieldType> All { get; }
}
