using System.Text.Json.Nodes;

namespace CrmKit.Core.Workflows;

/// <summary>What starts a <see cref="WorkflowDefinition"/>; which members are set depends on <see cref="Type"/>.</summary>
public sealed class WorkflowTriggerDefinition
{
    /// <summary>
    /// The trigger type: one of <see cref="Sdk.Workflows.BuiltInWorkflowTriggers"/> or a plugin trigger's type. A
    /// document's <c>date.relative</c> is read as <see cref="Sdk.Workflows.BuiltInWorkflowTriggers.DateRelative"/>.
    /// </summary>
    public required string Type { get; init; }

    /// <summary>The entity of a record or date trigger; null for the others.</summary>
    public string? Entity { get; init; }

    /// <summary>For <c>record.updated</c>: the fields of which any must have changed; empty for "any change".</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>For <c>record.updated</c>: the values the fields must have changed to; null when not restricted.</summary>
    public JsonObject? To { get; init; }

    /// <summary>For <c>schedule</c>: the cron expression (five fields, or six with seconds).</summary>
    public string? Cron { get; init; }

    /// <summary>For <c>schedule</c>: the IANA time zone the cron expression is read in; null means UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>For a date trigger: the date or date-time field.</summary>
    public string? Field { get; init; }

    /// <summary>For a date trigger: when to fire relative to the field's value (negative: before).</summary>
    public TimeSpan? Offset { get; init; }

    /// <summary>For <c>message.inbound</c>: the channel the message must have come on; null for any.</summary>
    public string? Channel { get; init; }

    /// <summary>For a plugin trigger: its parameters (empty otherwise). Treat them as read-only.</summary>
    public required JsonObject Parameters { get; init; }

    /// <inheritdoc />
    public override string ToString() => Entity is null ? Type : $"{Type} {Entity}";
}
