using CrmKit.Sdk.Extensibility;

namespace Fixture.Hanging;

/// <summary>
/// Blocks in Configure, so hosts can prove their start timeout. Five minutes rather than forever, so a test
/// process that abandons the thread still ends.
/// </summary>
public sealed class HangingModule : ICrmModule
{
    public string Id => "fixture.hanging";

    public void Configure(ICrmBuilder builder) => Thread.Sleep(TimeSpan.FromMinutes(5));
}
