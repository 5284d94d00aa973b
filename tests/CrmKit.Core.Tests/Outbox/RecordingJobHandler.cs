using System.Collections.Concurrent;
using CrmKit.Core.Outbox;

namespace CrmKit.Core.Tests.Outbox;

/// <summary>Handles <c>test.record</c>: keeps every attempt; fails while <see cref="FailuresLeft"/> is positive.</summary>
internal sealed class RecordingJobHandler : IOutboxJobHandler
{
    public const string JobKind = "test.record";

    public ConcurrentQueue<OutboxJobContext> Attempts { get; } = new();

    public int FailuresLeft { get; set; }

    public string Kind => JobKind;

    public Task HandleAsync(OutboxJobContext context, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(context);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new InvalidOperationException("receiver unavailable " + context.Attempt);
        }

        return Task.CompletedTask;
    }
}
