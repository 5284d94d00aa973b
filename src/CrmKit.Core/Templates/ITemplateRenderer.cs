namespace CrmKit.Core.Templates;

/// <summary>
/// Renders Scriban templates in a sandbox: the model is the only data reachable (no .NET members), <c>include</c> reads
/// only other stored templates, and loops, recursion, output size and time are limited (<see cref="TemplateOptions"/>).
/// Compiled templates are cached. Failures are <see cref="CrmKit.Sdk.Errors.CrmException"/>s with a
/// <see cref="TemplateErrorCodes"/> code.
/// </summary>
public interface ITemplateRenderer
{
    /// <summary>Renders a stored template in the locale that best matches <see cref="TemplateModel.Culture"/>.</summary>
    /// <param name="templateName">The template name.</param>
    /// <param name="model">The model.</param>
    /// <param name="ct">Cancels the operation.</param>
    /// <returns>The rendered text.</returns>
    Task<string> RenderAsync(string templateName, TemplateModel model, CancellationToken ct);

    /// <summary>Renders a template source that is not stored (a message text in a workflow action, for example).</summary>
    /// <param name="source">The Scriban source.</param>
    /// <param name="model">The model.</param>
    /// <param name="ct">Cancels the operation.</param>
    /// <returns>The rendered text.</returns>
    Task<string> RenderTextAsync(string source, TemplateModel model, CancellationToken ct);
}
