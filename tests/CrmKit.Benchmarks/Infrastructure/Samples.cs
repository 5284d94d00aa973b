namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>The measured durations of one contender, one per round.</summary>
internal sealed class Samples
{
    private readonly List<TimeSpan> _rounds = [];

    public IReadOnlyList<TimeSpan> Rounds => _rounds;

    public void Add(TimeSpan elapsed) => _rounds.Add(elapsed);

    public TimeSpan Median
    {
        get
        {
            var sorted = _rounds.Order().ToList();
            return sorted.Count == 0 ? TimeSpan.Zero
                : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
                : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public TimeSpan Best => _rounds.Count == 0 ? TimeSpan.Zero : _rounds.Min();
}
