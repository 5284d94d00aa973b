namespace CrmKit.Core.Outbox;

/// <summary>Exponential backoff with full jitter: a random delay between zero and min(max, base × 2^(attempt−1)).</summary>
internal static class OutboxBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        // Full jitter spreads retries of jobs that failed together (an outage) instead of bunching them up.
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(random.NextDouble() * Math.Max(0, ceiling));
    }
}
