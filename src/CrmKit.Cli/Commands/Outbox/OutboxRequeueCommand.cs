using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Outbox;

/// <summary>
/// <c>crmkit outbox requeue &lt;id&gt;</c>: <c>POST /api/outbox/{id}/requeue</c>. Only a dead job can be requeued; the
/// server answers 409 <c>outbox.not_dead</c> for others (exit code 1).
/// </summary>
internal sealed class OutboxRequeueCommand : CrmCommand
{
    private readonly System.CommandLine.Argument<string> _id = OutboxCommand.IdArgument();

    public OutboxRequeueCommand(CliRuntime runtime)
        : base("requeue", "Put a dead job back in the queue, due now, with its attempts reset", runtime)
    {
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = context.ParseResult.GetRequiredValue(_id);
        var response = await context.Client.SendAsync(
            HttpMethod.Post, ApiPaths.OutboxRequeue(id), body: null, ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else
        {
            context.Out.WriteLine(CliMessages.OutboxJobRequeued(
                JsonText.GetString(response.Body, "id") ?? id, JsonText.GetString(response.Body, "state") ?? string.Empty));
        }

        return ExitCodes.Ok;
    }
}
