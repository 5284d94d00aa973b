using System.Text.Json.Nodes;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>What a step produced: its output (journaled, visible to later steps) and when the next step may run.</summary>
/// <param name="Output">The output.</param>
/// <param name="NextNotBefore">The earliest start of the next step (a delay), or null for now.</param>
internal sealed record WorkflowStepOutcome(JsonObject? Output, DateTimeOffset? NextNotBefore = null);
