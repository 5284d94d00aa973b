using System.CommandLine;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Records;

/// <summary><c>crmkit record get &lt;entity&gt; &lt;id&gt;</c>: <c>GET /api/records/{entity}/{id}</c>.</summary>
internal sealed class RecordGetCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();
    private readonly Argument<string> _id = CommandArguments.RecordId();

    private readonly Option<bool> _deleted = new("--deleted")
    {
        Description = "Also return the record when it is deleted (in the recycle bin)",
    };

    public RecordGetCommand(CliRuntime runtime)
        : base("get", "Show one record", runtime)
    {
        Add(_entity);
        Add(_id);
        Add(_deleted);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var path = ApiPaths.WithQuery(
            ApiPaths.Record(parseResult.GetRequiredValue(_entity), parseResult.GetRequiredValue(_id)),
            [new("deleted", parseResult.GetValue(_deleted) ? "true" : null)]);
        RecordOutput.WriteRecord(context, await context.Client.GetAsync(path, cancellationToken));
        return ExitCodes.Ok;
    }
}
