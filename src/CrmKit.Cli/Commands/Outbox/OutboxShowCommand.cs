using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Outbox;

/// <summary><c>crmkit outbox show &lt;id&gt;</c>: <c>GET /api/outbox/{id}</c>.</summary>
internal sealed class OutboxShowCommand : CrmCommand
{
    private readonly System.CommandLine.Argument<string> _id = OutboxCommand.IdArgument();

    public OutboxShowCommand(CliRuntime runtime)
        : base("show", "Show one job: its state, attempts, last error and payload", runtime)
    {
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var job = await context.Client.GetAsync(ApiPaths.OutboxJob(context.ParseResult.GetRequiredValue(_id)), cancellationToken);
        if (context.Json)
        {
            context.WriteJson(job);
        }
        else
        {
            OutboxOutput.WriteDetail(context.Out, job);
        }

        return ExitCodes.Ok;
    }
}
