using System.CommandLine;
using System.Globalization;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.WorkflowRuns;

/// <summary><c>crmkit workflow runs &lt;name&gt; [--status failed] [--limit N]</c>: <c>GET /api/workflows/{name}/runs</c>.</summary>
internal sealed class WorkflowRunsCommand : CrmCommand
{
    private readonly Argument<string> _name = new("name") { Description = "The workflow's name" };

    private readonly Option<string?> _status = new("--status", "-s") { Description = "Only runs in this status", HelpName = "status" };

    private readonly Option<int?> _limit = new("--limit", "-n") { Description = "Runs to list, 1..1000 (default 50)", HelpName = "n" };

    public WorkflowRunsCommand(CliRuntime runtime)
        : base("runs", "List a workflow's runs, newest first", runtime)
    {
        _status.AcceptOnlyFromAmong("pending", "running", "completed", "failed");
        Add(_name);
        Add(_status);
        Add(_limit);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.ParseResult;
        var path = ApiPaths.WithQuery(WorkflowRunPaths.Runs(parse.GetRequiredValue(_name)),
        [
            new("status", parse.GetValue(_status)),
            new("limit", parse.GetValue(_limit)?.ToString(CultureInfo.InvariantCulture)),
        ]);
        var list = await context.Client.GetAsync(path, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
        }
        else
        {
            WorkflowRunOutput.WriteList(context.Out, list);
        }

        return ExitCodes.Ok;
    }
}
