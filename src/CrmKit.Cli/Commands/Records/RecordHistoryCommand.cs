using System.CommandLine;
using System.Globalization;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Records;

/// <summary>
/// <c>crmkit record history &lt;entity&gt; &lt;id&gt; [--limit N] [--before SEQ]</c>:
/// <c>GET /api/records/{entity}/{id}/history</c>, the record's audit trail, newest first.
/// </summary>
internal sealed class RecordHistoryCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();
    private readonly Argument<string> _id = CommandArguments.RecordId();

    private readonly Option<int?> _limit = new("--limit", "-n")
    {
        Description = "Entries per page (server default 50)",
        HelpName = "n",
    };

    private readonly Option<long?> _before = new("--before")
    {
        Description = "Only entries older than this sequence number (the 'before' of the previous page)",
        HelpName = "seq",
    };

    public RecordHistoryCommand(CliRuntime runtime)
        : base("history", "Show who changed a record, when, through which channel, and what changed", runtime)
    {
        Add(_entity);
        Add(_id);
        Add(_limit);
        Add(_before);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var path = ApiPaths.WithQuery(
            ApiPaths.RecordHistory(parseResult.GetRequiredValue(_entity), parseResult.GetRequiredValue(_id)),
            [
                new("limit", parseResult.GetValue(_limit)?.ToString(CultureInfo.InvariantCulture)),
                new("before", parseResult.GetValue(_before)?.ToString(CultureInfo.InvariantCulture)),
            ]);
        var page = await context.Client.GetAsync(path, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(page);
        }
        else
        {
            RecordHistoryOutput.Write(context.Out, page);
        }

        return ExitCodes.Ok;
    }
}
