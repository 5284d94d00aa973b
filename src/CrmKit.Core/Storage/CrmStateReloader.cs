using System.Text.Json.Nodes;
using CrmKit.Core.Metadata;
using CrmKit.Core.Settings;
using CrmKit.Core.Templates;
using CrmKit.Core.Workflows;

namespace CrmKit.Core.Storage;

/// <summary>The default <see cref="ICrmStateReloader"/>.</summary>
internal sealed class CrmStateReloader(
    ICrmStore store,
    MetadataRegistry metadata,
    EntityCompiler compiler,
    DefaultWorkflowDefinitionService workflows,
    TemplateCatalog templates,
    DefaultModuleSettingsService settings) : ICrmStateReloader
{
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var entities = new List<CompiledEntity>();
        await using (var session = await store.BeginAsync(write: false, cancellationToken))
        {
            foreach (var stored in await session.LoadSchemasAsync(cancellationToken))
            {
                entities.Add(compiler.Compile((JsonObject)JsonNode.Parse(stored.Schema)!, stored.Version, stored: true));
            }
        }

        metadata.ReplaceAll(entities);
        await workflows.LoadAsync(cancellationToken);
        templates.Invalidate();
        await settings.ReloadAllAsync(cancellationToken);
    }
}
