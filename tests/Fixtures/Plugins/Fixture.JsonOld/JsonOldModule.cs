using CrmKit.Sdk.Extensibility;

namespace Fixture.JsonOld;

/// <summary>Registers a workflow action that serializes with the Newtonsoft.Json this plugin ships (12.x).</summary>
public sealed class JsonOldModule : ICrmModule
{
    public string Id => "fixture.json-old";

    public void Configure(ICrmBuilder builder) => builder.AddWorkflowAction<SerializeAction>();
}
