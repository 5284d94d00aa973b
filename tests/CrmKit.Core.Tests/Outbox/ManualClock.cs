namespace CrmKit.Core.Tests.Outbox;

/// <summary>A clock the test moves by hand, so retry delays are checked without waiting.</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
