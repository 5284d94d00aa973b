namespace CrmKit.Sdk.Workflows;

/// <summary>A convenient base for workflow triggers that any event of their type fires.</summary>
public abstract class WorkflowTrigger : IWorkflowTrigger
{
    /// <summary>Creates the trigger.</summary>
    /// <param name="descriptor">What the trigger is.</param>
    protected WorkflowTrigger(WorkflowTriggerDescriptor descriptor)
    {
        Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
    }

    /// <inheritdoc />
    public WorkflowTriggerDescriptor Descriptor { get; }

    /// <inheritdoc />
    /// <remarks>The base implementation matches every event.</remarks>
    public virtual bool Matches(WorkflowTriggerMatchContext context) => true;
}
