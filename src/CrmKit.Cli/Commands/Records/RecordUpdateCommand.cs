using System.CommandLine;
using CrmKit.Cli.Api;
using CrmKit.Cli.Input;

namespace CrmKit.Cli.Commands.Records;

/// <summary>
/// <c>crmkit record update &lt;entity&gt; &lt;id&gt; --data ... [--version N]</c>:
/// <c>PATCH /api/records/{entity}/{id}</c> with the fields to change; <c>--version</c> is sent as <c>If-Match</c>.
/// </summary>
internal sealed class RecordUpdateCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();
    private readonly Argument<string> _id = CommandArguments.RecordId();
    private readonly Option<string> _data = RecordOptions.Data("The fields to change (null clears a field)");
    private readonly Option<long?> _version = RecordOptions.Version("change it");

    public RecordUpdateCommand(CliRuntime runtime)
        : base("update", "Change fields of a record", runtime)
    {
        Add(_entity);
        Add(_id);
        Add(_data);
        Add(_version);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var data = JsonInput.ReadObject("--data", parseResult.GetRequiredValue(_data), context.Host.Stdin);
        var response = await context.Client.SendAsync(
            HttpMethod.Patch,
            ApiPaths.Record(parseResult.GetRequiredValue(_entity), parseResult.GetRequiredValue(_id)),
            data,
            parseResult.GetValue(_version),
            cancellationToken);
        RecordOutput.WriteRecord(context, response.Body);
        return ExitCodes.Ok;
    }
}
