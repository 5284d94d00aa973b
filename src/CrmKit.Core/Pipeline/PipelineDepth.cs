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
        var depth = Current.Value + 1;
        if (depth > maxDepth)
        {
            throw CoreMessages.Exception(CrmErrorKind.Conflict, "pipeline.depth_exceeded", maxDepth);
        }

        Current.Value = depth;
        return new Scope(depth);
    }

    internal readonly struct Scope : IDisposable
    {
        public Scope(int depth) => Depth = depth;

        public int Depth { get; }

        public void Dispose() => Current.Value = Depth - 1;
    }
}
