using System.Collections.Frozen;

namespace CrmKit.Core.Workflows;

/// <summary>
/// The current version of every enabled workflow, in memory, indexed by trigger type and entity so that the engine's
/// hot path (every record save) costs one dictionary lookup. Loaded at start-up and updated by every change made
/// through <see cref="IWorkflowDefinitionService"/>; each change swaps an immutable snapshot, so readers never lock.
/// </summary>
public sealed class WorkflowRegistry
{
    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Changes whenever the set of enabled workflows changes.</summary>
    public long Revision => _snapshot.Revision;

    /// <summary>Every enabled workflow (current versions), ordered by name.</summary>
    public IReadOnlyList<WorkflowDefinition> All => _snapshot.Enabled;

    /// <summary>The enabled workflows a trigger type starts for an entity.</summary>
    /// <param name="triggerType">The trigger type (<c>date.relative</c> is read as <c>record.date_relative</c>).</param>
    /// <param name="entity">The entity; null for triggers not tied to one (schedule, manual without entity, messages).</param>
    /// <returns>An immutable list, ordered by name; empty when none.</returns>
    public IReadOnlyList<WorkflowDefinition> For(string triggerType, string? entity)
    {
        ArgumentNullException.ThrowIfNull(triggerType);
        return _snapshot.ByTrigger.TryGetValue((WorkflowDocumentReader.NormalizeTriggerType(triggerType), entity ?? ""), out var list)
            ? list
            : [];
    }

    /// <summary>The enabled workflows of a trigger type, whatever their entity.</summary>
    /// <param name="triggerType">The trigger type.</param>
    /// <returns>An immutable list, ordered by name; empty when none.</returns>
    public IReadOnlyList<WorkflowDefinition> ForType(string triggerType)
    {
        ArgumentNullException.ThrowIfNull(triggerType);
        return _snapshot.ByType.TryGetValue(WorkflowDocumentReader.NormalizeTriggerType(triggerType), out var list) ? list : [];
    }

    /// <summary>Finds an enabled workflow's current version by name.</summary>
    /// <param name="name">The workflow's name.</param>
    /// <returns>The definition, or null when there is no such enabled workflow.</returns>
    public WorkflowDefinition? Find(string name) =>
        _snapshot.Current.TryGetValue(name, out var definition) && definition.Enabled && !definition.Deleted ? definition : null;

    /// <summary>Replaces everything (at start-up).</summary>
    internal void Reset(IEnumerable<WorkflowDefinition> current)
    {
        lock (_gate)
        {
            _snapshot = Snapshot.Create(current.ToDictionary(d => d.Name, StringComparer.Ordinal), _snapshot.Revision + 1);
        }
    }

    /// <summary>
    /// Applies what another node changed, as read from the store while this registry was at <paramref name="revision"/>:
    /// workflows that are new, at a newer version, or in another state. Does nothing (and says so) when this node
    /// changed a workflow meanwhile, since the read may predate that change; the next refresh reads again.
    /// </summary>
    /// <returns>Whether the stored state was applied (false: changed locally meanwhile).</returns>
    internal bool Refresh(long revision, IEnumerable<WorkflowDefinition> stored)
    {
        lock (_gate)
        {
            if (_snapshot.Revision != revision)
            {
                return false;
            }

            var current = new Dictionary<string, WorkflowDefinition>(_snapshot.Current, StringComparer.Ordinal);
            var changed = false;
            foreach (var definition in stored)
            {
                if (!current.TryGetValue(definition.Name, out var known) || known.Version < definition.Version ||
                    (known.Version == definition.Version && (known.Enabled != definition.Enabled || known.Deleted != definition.Deleted)))
                {
                    current[definition.Name] = definition;
                    changed = true;
                }
            }

            if (changed)
            {
                _snapshot = Snapshot.Create(current, _snapshot.Revision + 1);
            }

            return true;
        }
    }

    /// <summary>Records a workflow's new current version or state; an older version than the one known is ignored.</summary>
    internal void Update(WorkflowDefinition definition)
    {
        lock (_gate)
        {
            var current = new Dictionary<string, WorkflowDefinition>(_snapshot.Current, StringComparer.Ordinal);
            if (current.TryGetValue(definition.Name, out var known) && known.Version > definition.Version)
            {
                return;
            }

            current[definition.Name] = definition;
            _snapshot = Snapshot.Create(current, _snapshot.Revision + 1);
        }
    }

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = Create(new Dictionary<string, WorkflowDefinition>(), 0);

        private Snapshot(
            long revision,
            FrozenDictionary<string, WorkflowDefinition> current,
            IReadOnlyList<WorkflowDefinition> enabled,
            FrozenDictionary<(string, string), IReadOnlyList<WorkflowDefinition>> byTrigger,
            FrozenDictionary<string, IReadOnlyList<WorkflowDefinition>> byType)
        {
            Revision = revision;
            Current = current;
            Enabled = enabled;
            ByTrigger = byTrigger;
            ByType = byType;
        }

        public long Revision { get; }

        /// <summary>The current version of every workflow known, whatever its state.</summary>
        public FrozenDictionary<string, WorkflowDefinition> Current { get; }

        public IReadOnlyList<WorkflowDefinition> Enabled { get; }

        public FrozenDictionary<(string, string), IReadOnlyList<WorkflowDefinition>> ByTrigger { get; }

        public FrozenDictionary<string, IReadOnlyList<WorkflowDefinition>> ByType { get; }

        public static Snapshot Create(Dictionary<string, WorkflowDefinition> current, long revision)
        {
            var enabled = current.Values.Where(d => d.Enabled && !d.Deleted).OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
            var byTrigger = enabled.GroupBy(d => (d.Trigger.Type, d.Trigger.Entity ?? ""))
                .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<WorkflowDefinition>)g.ToArray().AsReadOnly());
            var byType = enabled.GroupBy(d => d.Trigger.Type, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<WorkflowDefinition>)g.ToArray().AsReadOnly(), StringComparer.Ordinal);
            return new Snapshot(revision, current.ToFrozenDictionary(StringComparer.Ordinal), enabled.AsReadOnly(), byTrigger, byType);
        }
    }
}
