using System.Text.Json.Nodes;
using CrmKit.Core.Templates;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>Renders every string of a step's parameters as a Scriban template (strings without <c>{{</c> are kept as is).</summary>
internal sealed class WorkflowParameterRenderer(ITemplateRenderer renderer)
{
    public async Task<JsonObject> RenderAsync(JsonObject parameters, TemplateModel model, CancellationToken cancellationToken) =>
        (JsonObject)(await RenderNodeAsync(parameters, model, cancellationToken))!;

    private async Task<JsonNode?> RenderNodeAsync(JsonNode? node, TemplateModel model, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (name, value) in o)
                {
                    copy[name] = await RenderNodeAsync(value, model, cancellationToken);
                }

                return copy;
            case JsonArray a:
                var items = new JsonArray();
                foreach (var item in a)
                {
                    items.Add(await RenderNodeAsync(item, model, cancellationToken));
                }

                return items;
            case JsonValue v when v.TryGetValue(out string? text) && text.Contains("{{", StringComparison.Ordinal):
                return JsonValue.Create(await renderer.RenderTextAsync(text, model, cancellationToken));
            default:
                return node?.DeepClone();
        }
    }
}
