using CrmKit.Core.Resources;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Pipeline;

/// <summary>Tracks how deeply record operations nest through hooks in the current async flow.</summary>
internal static class PipelineDepth
{
    private static readonly AsyncLocal<int> Current = new();

    /// <summary>Enters one level; dispose the result to leave it.</summary>
    public static Scope Enter(int maxDepth)
    {
        var previous = Current.Value;
        var depth = previous + 1;
        if (depth > maxDepth)
        {
            throw CoreMessages.Exception(CrmErrorKind.Conflict, "pipeline.depth_exceeded", maxDepth);
        }

        Current.Value = depth;
        return new Scope(depth, previous);
    }

    /// <summary>
    /// Continues at the depth of an operation that queued a PostCommit hook, so that record operations made by the
    /// hook count from there and an asynchronous loop (a hook whose write queues the same hook) also stops.
    /// </summary>
    public static Scope Resume(int depth)
    {
        var previous = Current.Value;
        Current.Value = depth;
        return new Scope(depth, previous);
    }

    internal readonly struct Scope : IDisposable
    {
        private readonly int _previous;

        public Scope(int depth, int previous)
        {
            Depth = depth;
            _previous = previous;
        }

        public int Depth { get; }

        public void Dispose() => Current.Value = _previous;
    }
}
