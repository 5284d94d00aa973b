using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields;

/// <summary>
/// The field types a host knows: the built-in ones and those plugins add. Thread-safe; names are compared ordinally
/// and registered once. <see cref="All"/> lists types in registration order.
/// </summary>
internal sealed partial class FieldTypeRegistry : IFieldTypeRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IFieldType> _byName = new(StringComparer.Ordinal);
    private IReadOnlyCollection<IFieldType> _all = [];

    /// <summary>Creates an empty registry.</summary>
    public FieldTypeRegistry()
    {
    }

    /// <summary>Creates a registry holding the given types.</summary>
    /// <param name="fieldTypes">The types, for example <see cref="BuiltInFieldTypeCatalog.All"/>.</param>
    /// <exception cref="InvalidOperationException">Two types share a name.</exception>
    public FieldTypeRegistry(IEnumerable<IFieldType> fieldTypes)
    {
        ArgumentNullException.ThrowIfNull(fieldTypes);
        foreach (var fieldType in fieldTypes)
        {
            Add(fieldType);
        }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<IFieldType> All => Volatile.Read(ref _all);

    /// <inheritdoc />
    public void Add(IFieldType fieldType)
    {
        ArgumentNullException.ThrowIfNull(fieldType);
        var name = fieldType.Descriptor.Name;
        if (!TypeNamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                FieldMessages.Get("Registry_InvalidTypeName", name).Get(), nameof(fieldType));
        }

        lock (_lock)
        {
            if (!_byName.TryAdd(name, fieldType))
            {
                throw new InvalidOperationException(FieldMessages.Get("Registry_DuplicateType", name).Get());
            }

            // A fresh snapshot per add: readers enumerate without locking and never see a list being changed.
            Volatile.Write(ref _all, [.. _all, fieldType]);
        }
    }

    /// <inheritdoc />
    public bool TryGet(string name, [NotNullWhen(true)] out IFieldType? fieldType)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            return _byName.TryGetValue(name, out fieldType);
        }
    }

    // Lower snake case, with dot-separated parts for plugin types ("ru.inn").
    [GeneratedRegex(@"\A[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TypeNamePattern();
}
