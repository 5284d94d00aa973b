using System.Diagnostics;

namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>Helpers shared by the measurement loops.</summary>
internal static class Rounds
{
    /// <summary>
    /// Collects garbage from earlier work so it is not billed to the next measurement, and (on Linux) flushes the
    /// operating system's dirty pages so one contender's disk write-back does not land in the next one's timing.
    /// </summary>
    public static void Settle()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
                sync?.WaitForExit();
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No sync binary: the measurement just carries more disk noise.
            }
        }

        ForceGc();
    }

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
