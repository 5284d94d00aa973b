namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>A target from the issue and whether this run met it.</summary>
/// <param name="Target">What is required, in words.</param>
/// <param name="Measured">What this run measured.</param>
/// <param name="Pass">Whether the target is met; null for a figure reported without a target.</param>
internal sealed record TargetRow(string Target, string Measured, bool? Pass)
{
    public string Verdict => Pass switch
    {
        true => "PASS",
        false => "FAIL",
        null => "info",
    };
}
