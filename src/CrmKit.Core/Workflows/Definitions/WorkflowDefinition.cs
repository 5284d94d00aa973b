using System.Text.Json.Nodes;

namespace CrmKit.Core.Workflows;

/// <summary>
/// One version of a stored workflow, parsed and validated. Immutable by convention: the JSON members are shared and
/// must not be changed (clone <see cref="Document"/> to edit it).
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>The workflow's id (lower-case letters, digits, '-', '_', '.').</summary>
    public required string Name { get; init; }

    /// <summary>The version: 1 for the first save, one more for each later save. Runs keep the version they started with.</summary>
    public required long Version { get; init; }

    /// <summary>A short title, if any.</summary>
    public string? Title { get; init; }

    /// <summary>A longer explanation, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Whether new runs start (of the current version; older versions only finish their runs).</summary>
    public required bool Enabled { get; init; }

    /// <summary>Whether the workflow was deleted; a deleted workflow is disabled and its versions stay readable.</summary>
    public bool Deleted { get; init; }

    /// <summary>
    /// The service account the steps act as; null for the default: the triggering user (for schedules and relative
    /// dates, which no user triggers, the author of this version — <see cref="CreatedBy"/>).
    /// </summary>
    public string? RunAs { get; init; }

    /// <summary>What starts the workflow.</summary>
    public required WorkflowTriggerDefinition Trigger { get; init; }

    /// <summary>A Scriban expression over the run's model; the run starts only when it is true. Null: always.</summary>
    public string? Condition { get; init; }

    /// <summary>The steps, in order.</summary>
    public required IReadOnlyList<WorkflowStepDefinition> Steps { get; init; }

    /// <summary>The stored JSON document (with <c>enabled</c> as stored). Treat it as read-only.</summary>
    public required JsonObject Document { get; init; }

    /// <summary>When this version was saved (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The user who saved this version.</summary>
    public string CreatedBy { get; init; } = "";

    /// <inheritdoc />
    public override string ToString() => $"{Name} v{Version}";
}
