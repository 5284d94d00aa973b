namespace CrmKit.Sdk.Workflows;

/// <summary>
/// A kind of event that can start workflows, contributed by a plugin (the built-in record, schedule, inbound-message
/// and manual triggers are named in <see cref="BuiltInWorkflowTriggers"/>). The plugin raises the events through
/// <see cref="IWorkflowEventSink"/>; the host starts every enabled workflow whose trigger has this type and matches.
/// Register it with <see cref="Extensibility.CrmBuilderExtensions.AddWorkflowTrigger{TTrigger}"/>; derive from
/// <see cref="WorkflowTrigger"/> when any event of the type should start the workflow.
/// </summary>
public interface IWorkflowTrigger
{
    /// <summary>What the trigger is: its type name, display name and parameters.</summary>
    WorkflowTriggerDescriptor Descriptor { get; }

    /// <summary>
    /// Tells whether an event starts a workflow whose trigger has the given parameters (for example "only messages on
    /// the channel instance <c>sales-bot</c>"). It runs for every raised event and every workflow with this trigger
    /// type, so it must be cheap and must not block; workflow conditions do the rest.
    /// </summary>
    /// <param name="context">The event and the workflow's trigger parameters.</param>
    /// <returns>True when the workflow should start.</returns>
    bool Matches(WorkflowTriggerMatchContext context);
}
