using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Messaging;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Tests.Workflows.Engine;

/// <summary>A hand-written message channel that records what it sends.</summary>
internal sealed class RecordingChannel : IMessageChannel
{
    public MessageChannelDescriptor Descriptor { get; } = new("sms", LocalizedText.Of("SMS"));

    public ConcurrentQueue<ChannelSendContext> Sent { get; } = new();

    public Task<ChannelWebhookResult> HandleWebhookAsync(ChannelWebhookContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<OutboundMessageResult> SendAsync(ChannelSendContext context, CancellationToken cancellationToken)
    {
        Sent.Enqueue(context);
        return Task.FromResult(OutboundMessageResult.Sent("m-" + Sent.Count));
    }
}

/// <summary>A plugin-style workflow action that echoes its parameters.</summary>
internal sealed class EchoAction : IWorkflowAction
{
    public WorkflowActionDescriptor Descriptor { get; } = new("acme.echo", LocalizedText.Of("Echo"));

    public ConcurrentQueue<WorkflowActionContext> Calls { get; } = new();

    public ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue(context);
        return ValueTask.FromResult(WorkflowActionResult.Success(new JsonObject { ["echo"] = context.Parameters.DeepClone() }));
    }
}

/// <summary>A plugin trigger that matches when the event's payload <c>level</c> reaches the workflow's <c>minLevel</c>.</summary>
internal sealed class LevelTrigger : WorkflowTrigger
{
    public LevelTrigger()
        : base(new WorkflowTriggerDescriptor("acme.level", LocalizedText.Of("Level")))
    {
    }

    public override bool Matches(WorkflowTriggerMatchContext context) =>
        (int)context.Event.Payload["level"]! >= (int?)context.Parameters["minLevel"];
}
