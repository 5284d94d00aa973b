using CrmKit.Sdk.Extensibility;

namespace Fixture.JsonNew;

/// <summary>Registers a workflow action that serializes with the Newtonsoft.Json this plugin ships (13.x).</summary>
public sealed class JsonNewModule : ICrmModule
{
    public string Id => "fixture.json-new";

    public void Configure(ICrmBuilder builder) => builder.AddWorkflowAction<SerializeAction>();
}
