using System.Text.Json.Nodes;

namespace CrmKit.Core.Templates;

/// <summary>The default <see cref="ITemplateRenderer"/> and <see cref="IScriptEvaluator"/>, on <see cref="TemplateSandbox"/>.</summary>
internal sealed class DefaultTemplateRenderer(TemplateSandbox sandbox, TemplateCatalog catalog) : ITemplateRenderer, IScriptEvaluator
{
    public async Task<string> RenderAsync(string templateName, TemplateModel model, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateName);
        ArgumentNullException.ThrowIfNull(model);
        var snapshot = await catalog.GetAsync(ct);
        var entry = snapshot.Resolve(templateName, model.Culture) ?? throw TemplateMessages.NotFound(templateName);
        return sandbox.Render(templateName, entry.Compiled, model, new StoredTemplateLoader(snapshot, model.Culture), ct);
    }

    public async Task<string> RenderTextAsync(string source, TemplateModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(model);
        var template = sandbox.GetTemplate(source);
        var snapshot = await catalog.GetAsync(ct);
        return sandbox.Render("(text)", template, model, new StoredTemplateLoader(snapshot, model.Culture), ct);
    }

    public async ValueTask<bool> EvaluateConditionAsync(string expression, TemplateModel model, CancellationToken ct)
    {
        var (value, context) = await EvaluateCoreAsync(expression, model, ct);
        return value is not null && context.ToBool(default, value);
    }

    public async ValueTask<JsonNode?> EvaluateAsync(string expression, TemplateModel model, CancellationToken ct)
    {
        var (value, _) = await EvaluateCoreAsync(expression, model, ct);
        return TemplateJsonResult.ToJson(value);
    }

    private async ValueTask<(object? Value, Scriban.TemplateContext Context)> EvaluateCoreAsync(string expression, TemplateModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(model);
        var compiled = sandbox.GetExpression(expression);
        var snapshot = await catalog.GetAsync(ct);
        var value = sandbox.Evaluate(compiled, model, new StoredTemplateLoader(snapshot, model.Culture), out var context, ct);
        return (value, context);
    }
}
