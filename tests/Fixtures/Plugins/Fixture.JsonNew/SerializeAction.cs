using System.Reflection;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Workflows;
using Newtonsoft.Json;

namespace Fixture.JsonNew;

/// <summary>Serializes its parameters with JsonConvert and reports the Newtonsoft.Json assembly it ran with.</summary>
public sealed class SerializeAction : IWorkflowAction
{
    public WorkflowActionDescriptor Descriptor { get; } =
        new("fixture.json-new.serialize", LocalizedText.Of("Serialize with Newtonsoft.Json 13"));

    public ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var newtonsoft = typeof(JsonConvert).Assembly;
        var json = JsonConvert.SerializeObject(new { plugin = "fixture.json-new", parameters = context.Parameters.ToJsonString() });
        return ValueTask.FromResult(WorkflowActionResult.Success(new JsonObject
        {
            ["json"] = json,
            ["newtonsoftVersion"] = newtonsoft.GetName().Version!.ToString(),
            ["newtonsoftInformationalVersion"] = newtonsoft.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
        }));
    }
}
