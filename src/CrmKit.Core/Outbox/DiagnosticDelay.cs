using System.Text.Json.Nodes;

namespace CrmKit.Core.Outbox;

/// <summary>The optional <c>delayMs</c> of a diagnostic job's payload (simulates work; capped at 10 seconds).</summary>
internal static class DiagnosticDelay
{
    public static Task WaitAsync(JsonObject payload, CancellationToken cancellationToken) =>
        payload["delayMs"] is JsonValue v && v.TryGetValue(out int ms) && ms > 0
            ? Task.Delay(Math.Min(ms, 10_000), cancellationToken)
            : Task.CompletedTask;
}
