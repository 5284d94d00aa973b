using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;

namespace CrmKit.Core.Workflows.Actions;

/// <summary>
/// Defines the <c>document</c> entity that <c>render_template</c> writes to (the standard model has none): title,
/// body, the template's name and the record it was rendered for.
/// </summary>
public sealed class WorkflowDocumentsModule : ICrmModule
{
    /// <summary>The entity's name.</summary>
    public const string DocumentEntity = "document";

    /// <inheritdoc />
    public string Id => "crmkit.workflows";

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entities.Define(DocumentEntity, entity =>
        {
            entity.Label("Document", "Документ").PluralLabel("Documents", "Документы");
            entity
                .String("title", f => f.Label("Title", "Название").Required())
                .Text("body", f => f.Label("Body", "Текст"))
                .String("template", f => f.Label("Template", "Шаблон"))
                .String("source_entity", f => f.Label("Source entity", "Сущность-источник"))
                .String("source_id", f => f.Label("Source record", "Запись-источник").Indexed());
        });
    }
}
