using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields;

/// <summary>
/// The field types a host knows: the built-in ones and those modules and plugins add, each with its owner. Thread-safe;
/// names are compared ordinally and registered once, unless a module deliberately replaces (or decorates) another's
/// type: the replacement then shadows the original until its module goes away. <see cref="All"/> lists the active
/// types in registration order.
/// </summary>
internal sealed partial class FieldTypeRegistry : IFieldTypeRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Registration>> _byName = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
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

    /// <summary>Adds a built-in type (no owner).</summary>
    /// <param name="fieldType">The type.</param>
    public void Add(IFieldType fieldType) => Add(fieldType, owner: null);

    /// <summary>Adds a type owned by a module.</summary>
    /// <param name="fieldType">The type.</param>
    /// <param name="owner">The owning module, or null for a built-in type.</param>
    public void Add(IFieldType fieldType, string? owner)
    {
        var name = CheckName(fieldType);
        lock (_lock)
        {
            if (_byName.ContainsKey(name))
            {
                throw new InvalidOperationException(FieldMessages.Get("Registry_DuplicateType", name).Get());
            }

            _byName[name] = [new Registration(fieldType, owner)];
            _order.Add(name);
            Publish();
        }
    }

    /// <summary>Puts <paramref name="fieldType"/> over an existing type of the same name, until its owner is removed.</summary>
    /// <param name="fieldType">The replacing (or decorating) type.</param>
    /// <param name="owner">The module that replaces.</param>
    public void Replace(IFieldType fieldType, string owner)
    {
        var name = CheckName(fieldType);
        lock (_lock)
        {
            if (!_byName.TryGetValue(name, out var stack))
            {
                _byName[name] = stack = [];
                _order.Add(name);
            }

            stack.Add(new Registration(fieldType, owner));
            Publish();
        }
    }

    /// <summary>Removes every type <paramref name="owner"/> registered; types it shadowed become active again.</summary>
    /// <param name="owner">The module.</param>
    /// <returns>The names whose active type changed.</returns>
    public IReadOnlyList<string> RemoveOwnedBy(string owner)
    {
        var changed = new List<string>();
        lock (_lock)
        {
            foreach (var (name, stack) in _byName)
            {
                if (stack.RemoveAll(r => r.Owner == owner) > 0)
                {
                    changed.Add(name);
                }
            }

            foreach (var name in changed.Where(n => _byName[n].Count == 0))
            {
                _byName.Remove(name);
                _order.Remove(name);
            }

            Publish();
        }

        return changed;
    }

    /// <summary>The owner of the active type with that name; null for built-in or unknown types.</summary>
    /// <param name="name">The type name.</param>
    /// <returns>The owning module id.</returns>
    public string? OwnerOf(string name)
    {
        lock (_lock)
        {
            return _byName.TryGetValue(name, out var stack) ? stack[^1].Owner : null;
        }
    }

    /// <summary>Whether a type with that name is registered by anyone.</summary>
    /// <param name="name">The type name.</param>
    /// <returns>True when registered.</returns>
    public bool Contains(string name)
    {
        lock (_lock)
        {
            return _byName.ContainsKey(name);
        }
    }

    /// <inheritdoc />
    public bool TryGet(string name, [NotNullWhen(true)] out IFieldType? fieldType)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            fieldType = _byName.TryGetValue(name, out var stack) ? stack[^1].Type : null;
            return fieldType is not null;
        }
    }

    private static string CheckName(IFieldType fieldType)
    {
        ArgumentNullException.ThrowIfNull(fieldType);
        var name = fieldType.Descriptor.Name;
        if (!TypeNamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                FieldMessages.Get("Registry_InvalidTypeName", name).Get(), nameof(fieldType));
        }

        return name;
    }

    // A fresh snapshot per change: readers enumerate without locking and never see a list being changed.
    private void Publish() => Volatile.Write(ref _all, _order.Select(n => _byName[n][^1].Type).ToArray());

    // Lower snake case, with dot-separated parts for plugin types ("ru.inn").
    [GeneratedRegex(@"\A[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TypeNamePattern();

    private sealed record Registration(IFieldType Type, string? Owner);
}
