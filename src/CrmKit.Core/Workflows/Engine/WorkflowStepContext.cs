using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Core.Templates;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>Everything a built-in action gets for one step of one run.</summary>
internal sealed class WorkflowStepContext
{
    public required StoredWorkflowRun Run { get; init; }

    public required WorkflowDefinition Workflow { get; init; }

    public required WorkflowStepDefinition Step { get; init; }

    /// <summary>The step's parameters with every string rendered as a template against <see cref="Model"/>.</summary>
    public required JsonObject Parameters { get; init; }

    public required TemplateModel Model { get; init; }

    public required WorkflowEvent Event { get; init; }

    public CrmRecord? Record { get; init; }

    /// <summary>Who the run acts as: the principal that triggered it, over the workflow channel.</summary>
    public required CrmPrincipal Principal { get; init; }

    /// <summary><c>{run id}:{step id}</c>: the same for every attempt of the step, so receivers can deduplicate.</summary>
    public required string IdempotencyKey { get; init; }

    public required int Attempt { get; init; }

    public required IServiceProvider Services { get; init; }

    public string? String(string name) => Parameters[name] is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0 ? s : null;

    public string RequiredString(string name) =>
        String(name) ?? throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.BadParameter, name, "a non-empty string is required");

    public CrmRecord RequiredRecord() =>
        Record ?? throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.NoRecord, Step.Action);
}
