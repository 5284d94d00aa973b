using CrmKit.Sdk.Extensibility;

namespace Fixture.Throwing;

/// <summary>Fails on purpose while configuring, so hosts can show the plugin as failed.</summary>
public sealed class ThrowingModule : ICrmModule
{
    public const string FailureMessage = "Fixture.Throwing fails in Configure on purpose.";

    public string Id => "fixture.throwing";

    public void Configure(ICrmBuilder builder) => throw new InvalidOperationException(FailureMessage);
}
