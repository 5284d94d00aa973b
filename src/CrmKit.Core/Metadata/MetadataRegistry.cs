using System.Collections.Immutable;
using CrmKit.Core.Resources;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Metadata;

/// <summary>
/// The current compiled version of every entity, swapped atomically on each change. Readers never lock.
/// </summary>
internal sealed class MetadataRegistry
{
    private State _state = new(ImmutableSortedDictionary<string, CompiledEntity>.Empty.WithComparers(StringComparer.Ordinal), 0);

    public long Revision => Volatile.Read(ref _state).Revision;

    public IEnumerable<CompiledEntity> All => Volatile.Read(ref _state).Entities.Values;

    public bool TryGet(string entity, out CompiledEntity compiled)
    {
        if (Volatile.Read(ref _state).Entities.TryGetValue(entity, out var found))
        {
            compiled = found;
            return true;
        }

        compiled = null!;
        return false;
    }

    public CompiledEntity Get(string entity) =>
        TryGet(entity, out var compiled) ? compiled : throw CoreMessages.EntityNotFound(entity);

    public bool Contains(string entity) => Volatile.Read(ref _state).Entities.ContainsKey(entity);

    public void Set(CompiledEntity compiled)
    {
        State current, next;
        do
        {
            current = Volatile.Read(ref _state);
            next = new State(current.Entities.SetItem(compiled.Name, compiled), current.Revision + 1);
        }
        while (Interlocked.CompareExchange(ref _state, next, current) != current);
    }

    /// <summary>Publishes a version loaded from the store unless this registry already has it or a newer one.</summary>
    /// <returns>Whether it was published.</returns>
    public bool SetIfNewer(CompiledEntity compiled)
    {
        State current, next;
        do
        {
            current = Volatile.Read(ref _state);
            if (current.Entities.TryGetValue(compiled.Name, out var existing) && existing.Version >= compiled.Version)
            {
                return false;
            }

            next = new State(current.Entities.SetItem(compiled.Name, compiled), current.Revision + 1);
        }
        while (Interlocked.CompareExchange(ref _state, next, current) != current);
        return true;
    }

    /// <summary>
    /// Replaces every entity with the given ones (after a rolled-back ambient transaction: the registry returns to what
    /// the store holds, including entities created by the rolled-back work disappearing).
    /// </summary>
    /// <param name="entities">The entities as stored.</param>
    public void ReplaceAll(IEnumerable<CompiledEntity> entities)
    {
        State current, next;
        var replacement = ImmutableSortedDictionary<string, CompiledEntity>.Empty.WithComparers(StringComparer.Ordinal)
            .SetItems(entities.Select(e => KeyValuePair.Create(e.Name, e)));
        do
        {
            current = Volatile.Read(ref _state);
            next = new State(replacement, current.Revision + 1);
        }
        while (Interlocked.CompareExchange(ref _state, next, current) != current);
    }

    /// <summary>The lookup fields of all entities that point at <paramref name="target"/>.</summary>
    public IReadOnlyList<(CompiledEntity Entity, FieldDefinition Field)> FindReferences(string target) =>
        All.SelectMany(e => e.LookupFields.Where(f => f.Lookup!.TargetEntity == target).Select(f => (e, f))).ToList();

    private sealed record State(ImmutableSortedDictionary<string, CompiledEntity> Entities, long Revision);
}
