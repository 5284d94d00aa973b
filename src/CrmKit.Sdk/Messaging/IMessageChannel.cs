namespace CrmKit.Sdk.Messaging;

/// <summary>
/// A messaging channel type (Telegram, VK, a website form): it turns the channel's webhook calls into
/// <see cref="InboundMessage"/>s and sends replies. A host may run several instances of one type (several bots), each
/// with its own settings; the channel is a singleton that gets the instance in every call. Register it with
/// <see cref="Extensibility.CrmBuilderExtensions.AddMessageChannel{TChannel}"/>.
/// </summary>
/// <remarks>
/// The host owns everything after normalization: it stores each message once per
/// <see cref="InboundMessage.ExternalMessageId"/>, finds or creates the contact and the lead, adds the timeline
/// activity and raises <see cref="Workflows.BuiltInWorkflowTriggers.InboundMessage"/>. A channel therefore only
/// verifies, parses and sends.
/// </remarks>
public interface IMessageChannel
{
    /// <summary>What the channel type is: its name, label and instance settings.</summary>
    MessageChannelDescriptor Descriptor { get; }

    /// <summary>
    /// Handles one call to an instance's webhook endpoint: verifies that it comes from the channel (a secret header or
    /// field, compared in constant time), answers handshakes, and normalizes the messages it carries. A call that fails
    /// verification gets <see cref="ChannelWebhookResult.Reject"/> and carries no messages.
    /// </summary>
    /// <param name="context">The request and the instance's settings.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The HTTP answer and the messages to store.</returns>
    Task<ChannelWebhookResult> HandleWebhookAsync(ChannelWebhookContext context, CancellationToken cancellationToken);

    /// <summary>Sends a message through an instance (a reply through the Bot API, <c>messages.send</c>...).</summary>
    /// <param name="context">The message, the instance's settings and the idempotency key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the message went out, and its id on the channel.</returns>
    Task<OutboundMessageResult> SendAsync(ChannelSendContext context, CancellationToken cancellationToken);
}
