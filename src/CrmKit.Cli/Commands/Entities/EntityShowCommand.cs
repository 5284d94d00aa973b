using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Entities;

/// <summary><c>crmkit entity show &lt;entity&gt;</c>: <c>GET /api/metadata/entities/{entity}</c>.</summary>
internal sealed class EntityShowCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();

    public EntityShowCommand(CliRuntime runtime)
        : base("show", "Show an entity and its fields", runtime)
    {
        Add(_entity);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var entity = context.ParseResult.GetRequiredValue(_entity);
        var detail = await context.Client.GetAsync(ApiPaths.Entity(entity), cancellationToken);
        if (context.Json)
        {
            context.WriteJson(detail);
            return ExitCodes.Ok;
        }

        WriteSummary(context.Out, detail);
        context.Out.WriteLine();
        FieldTable.Write(context.Out, FieldTable.FieldsOf(detail));
        return ExitCodes.Ok;
    }

    private static void WriteSummary(TextWriter writer, JsonNode? detail)
    {
        var table = new TableWriter(
            [
                CliMessages.HeaderEntity, CliMessages.HeaderLabel, CliMessages.HeaderPluralLabel, CliMessages.HeaderVersion,
                CliMessages.HeaderOwner,
            ],
            maxCellWidth: null);
        table.AddRow(
            JsonText.ToCell(detail?["name"]),
            JsonText.ToCell(detail?["label"]),
            JsonText.ToCell(detail?["pluralLabel"]),
            JsonText.ToCell(detail?["version"]),
            JsonText.ToCell(detail?["owner"]));
        table.Write(writer);
    }
}
