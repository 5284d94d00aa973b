namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>Helpers shared by the measurement loops.</summary>
internal static class Rounds
{
    /// <summary>Collects garbage from earlier work so it is not billed to the next measurement.</summary>
    public static void ForceGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>
    /// The order contenders run in during a round: rotated every round, so no contender always runs first (cold
    /// caches) or last (after the others' garbage).
    /// </summary>
    public static IEnumerable<T> Rotate<T>(IReadOnlyList<T> items, int round)
    {
        for (var i = 0; i < items.Count; i++)
        {
            yield return items[(i + round) % items.Count];
        }
    }
}
