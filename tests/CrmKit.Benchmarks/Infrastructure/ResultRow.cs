namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>One contender's measurements in one benchmark.</summary>
/// <param name="Benchmark">The benchmark (bulk, query, validate).</param>
/// <param name="Contender">Who was measured.</param>
/// <param name="Samples">The round durations.</param>
/// <param name="Items">Work items per round (rows, lookups, field validations).</param>
/// <param name="ItemName">What an item is, for the per-item column.</param>
/// <param name="Baseline">The baseline's samples, or null when this row is the baseline.</param>
internal sealed record ResultRow(
    string Benchmark, string Contender, Samples Samples, long Items, string ItemName, Samples? Baseline)
{
    /// <summary>Median time over the baseline's median time.</summary>
    public double? MedianRatio => Baseline is null ? null : Samples.Median / Baseline.Median;

    /// <summary>Best time over the baseline's best time.</summary>
    public double? BestRatio => Baseline is null ? null : Samples.Best / Baseline.Best;

    /// <summary>Items per second at the median time.</summary>
    public double Throughput => Items / Samples.Median.TotalSeconds;

    /// <summary>Microseconds per item at the median time.</summary>
    public double MicrosecondsPerItem => Samples.Median.TotalMicroseconds / Items;
}
