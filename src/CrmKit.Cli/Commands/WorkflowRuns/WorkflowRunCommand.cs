using System.CommandLine;
using CrmKit.Cli.Output;

namespace CrmKit.Cli.Commands.WorkflowRuns;

/// <summary><c>crmkit workflow run show|retry &lt;id&gt;</c>: one run of the journal.</summary>
internal sealed class WorkflowRunCommand : Command
{
    public WorkflowRunCommand(CliRuntime runtime)
        : base("run", "Show or retry one workflow run")
    {
        Add(new ShowCommand(runtime));
        Add(new RetryCommand(runtime));
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The run id" };

    /// <summary><c>GET /api/workflow-runs/{id}</c>.</summary>
    private sealed class ShowCommand : CrmCommand
    {
        private readonly Argument<string> _id = IdArgument();

        public ShowCommand(CliRuntime runtime)
            : base("show", "Show a run with its steps: status, timing, output and error", runtime) => Add(_id);

        protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            var run = await context.Client.GetAsync(WorkflowRunPaths.Run(context.ParseResult.GetRequiredValue(_id)), cancellationToken);
            if (context.Json)
            {
                context.WriteJson(run);
            }
            else
            {
                WorkflowRunOutput.WriteDetail(context.Out, run);
            }

            return ExitCodes.Ok;
        }
    }

    /// <summary><c>POST /api/workflow-runs/{id}/retry</c>: 409 unless the run failed (exit code 1).</summary>
    private sealed class RetryCommand : CrmCommand
    {
        private readonly Argument<string> _id = IdArgument();

        public RetryCommand(CliRuntime runtime)
            : base("retry", "Restart a failed run from its failed step (same workflow version)", runtime) => Add(_id);

        protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            var id = context.ParseResult.GetRequiredValue(_id);
            var response = await context.Client.SendAsync(HttpMethod.Post, WorkflowRunPaths.Retry(id), body: null, ifMatchVersion: null, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(response.Body);
            }
            else
            {
                context.Out.WriteLine(WorkflowRunCliMessages.Retried(
                    JsonText.GetString(response.Body, "id") ?? id, JsonText.GetString(response.Body, "stepId") ?? ""));
            }

            return ExitCodes.Ok;
        }
    }
}
