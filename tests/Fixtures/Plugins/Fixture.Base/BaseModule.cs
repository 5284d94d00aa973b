using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;

namespace Fixture.Base;

/// <summary>Defines the entity fixture_item, which Fixture.Dependent extends.</summary>
public sealed class BaseModule : ICrmModule
{
    public string Id => "fixture.base";

    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entities.Define("fixture_item", item => item.Label("Fixture item").PluralLabel("Fixture items").String("title"));
    }
}
