using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace CrmKit.Core.Templates;

/// <summary>
/// The only way <c>include</c> reaches anything: another stored template, by name, in the render's locale (with the
/// usual fallback). Nothing on disk or elsewhere can be named. Compiled includes come from the catalog's cache.
/// </summary>
internal sealed class StoredTemplateLoader(TemplateCatalog.Snapshot catalog, string? locale) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var entry = catalog.Resolve(templateName, locale) ?? throw TemplateMessages.NotFound(templateName);

        // Handing Scriban the compiled template under its key means it never parses the source again.
        context.CachedTemplates[entry.Key] = entry.Compiled;
        return entry.Key;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        catalog.Entries.FirstOrDefault(e => e.Key == templatePath)?.Template.Source ?? throw TemplateMessages.NotFound(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
