using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;

namespace Fixture.Dependent;

/// <summary>Adds the field dependent_note to fixture_item, which fixture.base defines.</summary>
public sealed class DependentModule : ICrmModule
{
    public string Id => "fixture.dependent";

    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entities.Extend("fixture_item", item => item.Text("dependent_note"));
    }
}
