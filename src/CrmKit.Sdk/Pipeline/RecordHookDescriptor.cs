namespace CrmKit.Sdk.Pipeline;

/// <summary>Where and when a record hook runs.</summary>
public sealed class RecordHookDescriptor
{
    /// <summary>A name unique within the owning module, shown in errors and logs.</summary>
    public required string Name { get; init; }

    /// <summary>The entity the hook watches; <c>*</c> for every entity.</summary>
    public required string Entity { get; init; }

    /// <summary>The stage the hook runs in.</summary>
    public required PipelineStage Stage { get; init; }

    /// <summary>
    /// The operations the hook runs for; empty for create, update, delete and restore. A hook runs for record messages
    /// only when this lists <see cref="RecordOperation.Message"/>.
    /// </summary>
    public IReadOnlyList<RecordOperation> Operations { get; init; } = [];

    /// <summary>Hooks of one stage run in ascending order; ties keep registration order.</summary>
    public int Order { get; init; }

    /// <summary>For updates: run only when one of these fields changed; empty for any change.</summary>
    public IReadOnlyList<string> ChangedFields { get; init; } = [];

    /// <summary>For messages: run only for these message names; empty for every message.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>The module or plugin that owns the hook; set by the host when left null.</summary>
    public string? Owner { get; init; }
}
