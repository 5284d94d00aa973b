using System.CommandLine;
using System.Globalization;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Outbox;

/// <summary><c>crmkit outbox list [--state dead] [--limit N] [--after id]</c>: <c>GET /api/outbox</c>.</summary>
internal sealed class OutboxListCommand : CrmCommand
{
    private readonly Option<string?> _state = new("--state", "-s")
    {
        Description = "Only jobs in this state",
        HelpName = "state",
    };

    private readonly Option<int?> _limit = new("--limit", "-n")
    {
        Description = "Jobs to list, 1..500 (server default 50)",
        HelpName = "n",
    };

    private readonly Option<string?> _after = new("--after")
    {
        Description = "Start after this job id (the last id of the previous page)",
        HelpName = "id",
    };

    public OutboxListCommand(CliRuntime runtime)
        : base("list", "List outbox jobs in queue order, with the count of every state", runtime)
    {
        _state.AcceptOnlyFromAmong("pending", "running", "done", "dead");
        Add(_state);
        Add(_limit);
        Add(_after);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var limit = parseResult.GetValue(_limit);
        var path = ApiPaths.WithQuery(ApiPaths.Outbox,
        [
            new("state", parseResult.GetValue(_state)),
            new("after", parseResult.GetValue(_after)),
            new("limit", limit?.ToString(CultureInfo.InvariantCulture)),
        ]);
        var list = await context.Client.GetAsync(path, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
        }
        else
        {
            OutboxOutput.WriteList(context.Out, list, limit);
        }

        return ExitCodes.Ok;
    }
}
