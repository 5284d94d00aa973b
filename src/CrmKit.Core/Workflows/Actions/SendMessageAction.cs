using System.Text.Json.Nodes;
using CrmKit.Core.Modules;
using CrmKit.Core.Templates;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Messaging;

namespace CrmKit.Core.Workflows.Actions;

/// <summary>
/// <c>send_message</c>: sends <c>text</c> (or the rendered <c>template</c>) to <c>to</c> through the registered
/// <see cref="IMessageChannel"/> of type <c>channel</c>; a clear step error when no such channel is registered.
/// The step's idempotency key goes with the message.
/// </summary>
/// <remarks>
/// With <c>instance</c> naming a configured channel instance (<c>CrmKit:Channels</c>), the message goes through that
/// instance with its configured settings, and <c>channel</c> may be left out.
/// </remarks>
internal sealed class SendMessageAction(ICrmExtensions extensions, ITemplateRenderer renderer, Messaging.ChannelHost channels) : IBuiltInWorkflowAction
{
    public string Type => BuiltInWorkflowActions.SendMessage;

    public bool Transactional => false;

    public async Task<WorkflowStepOutcome> ExecuteAsync(WorkflowStepContext context, CancellationToken cancellationToken)
    {
        if (context.String("instance") is { } instanceId && channels.IsConfigured(instanceId))
        {
            return await SendThroughInstanceAsync(context, instanceId, cancellationToken);
        }

        var type = context.RequiredString("channel");
        var channel = extensions.TryGet<IMessageChannel>(type, out var found)
            ? found
            : extensions.GetAll<IMessageChannel>().FirstOrDefault(c => c.Descriptor.ChannelType == type)
              ?? throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.NoChannel, type);
        var to = context.RequiredString("to");
        var text = await TextAsync(context, cancellationToken);
        var result = await channel.SendAsync(new ChannelSendContext
        {
            InstanceId = context.String("instance") ?? type,
            Settings = context.Parameters["settings"] as JsonObject ?? [],
            Message = new OutboundMessage { ConversationId = to, Text = text },
            IdempotencyKey = context.IdempotencyKey,
            Principal = context.Principal,
            Services = context.Services,
        }, cancellationToken);
        return Outcome(type, to, result);
    }

    private async Task<WorkflowStepOutcome> SendThroughInstanceAsync(WorkflowStepContext context, string instanceId, CancellationToken cancellationToken)
    {
        var to = context.RequiredString("to");
        var text = await TextAsync(context, cancellationToken);
        var result = await channels.SendAsync(
            instanceId, new OutboundMessage { ConversationId = to, Text = text }, context.Principal, context.IdempotencyKey, context.Services, cancellationToken);
        return Outcome(instanceId, to, result);
    }

    private async Task<string> TextAsync(WorkflowStepContext context, CancellationToken cancellationToken) =>
        context.String("text")
            ?? (context.String("template") is { } template ? await renderer.RenderAsync(template, context.Model, cancellationToken) : null)
            ?? throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.BadParameter, "text", "text or template is required");

    private WorkflowStepOutcome Outcome(string type, string to, OutboundMessageResult result) =>
        result.Succeeded
            ? new WorkflowStepOutcome(new JsonObject { ["channel"] = type, ["to"] = to, ["messageId"] = result.ExternalMessageId })
            : throw new WorkflowStepException(WorkflowRunErrorCodes.ActionFailed,
                WorkflowRunMessages.Text(WorkflowRunErrorCodes.ActionFailed, Type, result.Error).ToString(), result.Retryable, result.RetryAfter);
}
