using System.CommandLine;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Fields;

/// <summary>
/// <c>crmkit field remove &lt;entity&gt; &lt;name&gt;</c>: <c>DELETE /api/metadata/entities/{entity}/fields/{field}</c>.
/// The server archives the field's values; the answer is the FieldArchive.
/// </summary>
internal sealed class FieldRemoveCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();
    private readonly Argument<string> _name = CommandArguments.Field();

    public FieldRemoveCommand(CliRuntime runtime)
        : base("remove", "Remove a field from an entity (its values are archived and can be restored)", runtime)
    {
        Add(_entity);
        Add(_name);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var entity = context.ParseResult.GetRequiredValue(_entity);
        var name = context.ParseResult.GetRequiredValue(_name);
        var response = await context.Client.SendAsync(
            HttpMethod.Delete, ApiPaths.Field(entity, name), body: null, ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
            return ExitCodes.Ok;
        }

        var archive = response.Body;
        var archiveId = JsonText.ToCell(archive?["id"]);
        context.Out.WriteLine(CliMessages.FieldRemoved(name, entity, JsonText.ToCell(archive?["count"]), archiveId));
        context.Out.WriteLine(CliMessages.FieldRestoreHint($"{ApiPaths.Entity(entity)}/archives/{archiveId}/restore"));
        return ExitCodes.Ok;
    }
}
