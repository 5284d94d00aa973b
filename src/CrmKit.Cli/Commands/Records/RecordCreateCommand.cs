using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Input;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Records;

/// <summary>
/// <c>crmkit record create &lt;entity&gt; --data ...</c>: <c>POST /api/records/{entity}</c> with one record (an
/// object) or several created in one transaction (an array).
/// </summary>
internal sealed class RecordCreateCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();
    private readonly Option<string> _data = RecordOptions.Data("The record's field values (an object), or an array of records");

    public RecordCreateCommand(CliRuntime runtime)
        : base("create", "Create a record, or several in one transaction", runtime)
    {
        Add(_entity);
        Add(_data);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var entity = parseResult.GetRequiredValue(_entity);
        var data = JsonInput.Read("--data", parseResult.GetRequiredValue(_data), context.Host.Stdin);
        if (data is not (JsonObject or JsonArray))
        {
            throw new CliUsageException(CliMessages.DataNotObjectOrArray);
        }

        var response = await context.Client.SendAsync(
            HttpMethod.Post, ApiPaths.Records(entity), data, ifMatchVersion: null, cancellationToken);
        if (data is JsonArray && !context.Json)
        {
            var items = RecordOutput.Items(response.Body);
            RecordOutput.WriteList(context.Out, items, select: null);
            context.Out.WriteLine(CliMessages.RecordsCreated(items.Count));
            return ExitCodes.Ok;
        }

        RecordOutput.WriteRecord(context, response.Body);
        return ExitCodes.Ok;
    }
}
