using System.CommandLine;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Entities;

/// <summary>
/// <c>crmkit entity schema &lt;entity&gt;</c>: prints the entity's JSON Schema document
/// (<c>GET /api/metadata/entities/{entity}/schema</c>). The document is JSON whatever <c>--output</c> says.
/// </summary>
internal sealed class EntitySchemaCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();

    public EntitySchemaCommand(CliRuntime runtime)
        : base("schema", "Print an entity's JSON Schema document", runtime)
    {
        Add(_entity);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var entity = context.ParseResult.GetRequiredValue(_entity);
        context.WriteJson(await context.Client.GetAsync(ApiPaths.EntitySchema(entity), cancellationToken));
        return ExitCodes.Ok;
    }
}
