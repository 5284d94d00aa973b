using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Messaging;

/// <summary>A message to send through a channel.</summary>
public sealed class OutboundMessage
{
    /// <summary>The chat to send to, as in <see cref="InboundMessage.ConversationId"/>.</summary>
    public required string ConversationId { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The channel's id of the message this one answers, if it should be shown as a reply.</summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>
    /// Channel-specific options passed through as they are (Telegram <c>parse_mode</c> or <c>reply_markup</c>, a VK
    /// <c>keyboard</c>); null for none.
    /// </summary>
    public JsonObject? Options { get; init; }
}
