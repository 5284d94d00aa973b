using System.CommandLine;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Records;

/// <summary><c>crmkit record restore &lt;entity&gt; &lt;id&gt;</c>: <c>POST /api/records/{entity}/{id}/restore</c>.</summary>
internal sealed class RecordRestoreCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();
    private readonly Argument<string> _id = CommandArguments.RecordId();

    public RecordRestoreCommand(CliRuntime runtime)
        : base("restore", "Restore a deleted record from the recycle bin", runtime)
    {
        Add(_entity);
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var response = await context.Client.SendAsync(
            HttpMethod.Post,
            ApiPaths.RecordRestore(parseResult.GetRequiredValue(_entity), parseResult.GetRequiredValue(_id)),
            body: null,
            ifMatchVersion: null,
            cancellationToken);
        RecordOutput.WriteRecord(context, response.Body);
        return ExitCodes.Ok;
    }
}
