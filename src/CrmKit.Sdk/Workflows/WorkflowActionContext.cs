using System.Text.Json.Nodes;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Sdk.Workflows;

/// <summary>
/// What a workflow action sees for one attempt of one step. New members may be added; actions take this one argument
/// so they keep working.
/// </summary>
public sealed class WorkflowActionContext
{
    /// <summary>The id of the workflow definition.</summary>
    public required string WorkflowId { get; init; }

    /// <summary>The version of the definition the run started with; a run keeps it to the end.</summary>
    public required long WorkflowVersion { get; init; }

    /// <summary>The id of the run; the run journal is keyed by it.</summary>
    public required Guid RunId { get; init; }

    /// <summary>The id of the step within the definition.</summary>
    public required string StepId { get; init; }

    /// <summary>Who is acting; writes the action makes go through the record pipeline as this principal.</summary>
    public required CrmPrincipal Principal { get; init; }

    /// <summary>The entity the run is for; null for runs not tied to an entity (a schedule, an inbound message).</summary>
    public EntityDefinition? Entity { get; init; }

    /// <summary>The record the run is for, as it is when the step starts; null when there is none.</summary>
    public CrmRecord? Record { get; init; }

    /// <summary>The event that started the run, when a trigger raised one; null otherwise.</summary>
    public WorkflowEvent? TriggerEvent { get; init; }

    /// <summary>
    /// The step's parameters, with template expressions already rendered and validated against
    /// <see cref="WorkflowActionDescriptor.GetParametersSchema"/>.
    /// </summary>
    public required JsonObject Parameters { get; init; }

    /// <summary>
    /// A key that is the same for every attempt of this step in this run and different for any other step or run.
    /// Send it to outside receivers (for example in an <c>Idempotency-Key</c> header) so a retry has one effect.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The attempt number: 1 for the first attempt, 2 for the first retry, and so on.</summary>
    public required int Attempt { get; init; }

    /// <summary>Services of the scope the step runs in.</summary>
    public required IServiceProvider Services { get; init; }
}
