using CrmKit.Sdk.Extensibility;

namespace Fixture.SdkNext;

/// <summary>A plugin for CrmKit.Sdk 99: a host on another major must refuse it before loading its code.</summary>
public sealed class SdkNextModule : ICrmModule
{
    public string Id => "fixture.sdk-next";

    public void Configure(ICrmBuilder builder)
    {
    }
}
