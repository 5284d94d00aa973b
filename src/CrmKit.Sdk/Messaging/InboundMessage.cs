using System.Globalization;
using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Messaging;

/// <summary>
/// A message that arrived on a channel, normalized: a chat message, a shared contact, a lead-form submission.
/// </summary>
public sealed class InboundMessage
{
    /// <summary>The channel type, for example <c>telegram</c>.</summary>
    public required string ChannelType { get; init; }

    /// <summary>The id of the channel instance it arrived on, for example <c>sales-bot</c>.</summary>
    public required string ChannelInstanceId { get; init; }

    /// <summary>
    /// The id the channel gave the delivery (Telegram <c>update_id</c>, VK <c>event_id</c>). The host stores a message
    /// once per channel type, instance and this id, so a redelivered webhook is stored once.
    /// </summary>
    public required string ExternalMessageId { get; init; }

    /// <summary>The chat to reply to (Telegram <c>chat.id</c>, VK <c>peer_id</c>); null when replies are impossible.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Who sent the message.</summary>
    public required MessageSender Sender { get; init; }

    /// <summary>The text, if any; a shared contact or a form may have none.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// The tag the sender arrived with, for lead-source tracking: a Telegram <c>/start</c> deep-link payload, a form's
    /// name or <c>utm_source</c>. Null when there is none.
    /// </summary>
    public string? LeadSource { get; init; }

    /// <summary>
    /// Structured values the sender submitted, keyed by field key: the answers of a lead form, UTM tags. Empty for
    /// plain messages.
    /// </summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>When the channel says the message was sent, or when the host received it if the channel does not say (UTC).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The channel's payload for this message as it came, for what the normalized members do not carry.</summary>
    public required JsonObject Raw { get; init; }

    /// <summary>
    /// Returns the payload of the <see cref="Workflows.BuiltInWorkflowTriggers.InboundMessage"/> event: every member but
    /// <see cref="Raw"/>, with camel-case names, absent members left out and <see cref="ReceivedAt"/> in ISO 8601 UTC.
    /// </summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject ToJson()
    {
        var sender = new JsonObject { ["externalUserId"] = Sender.ExternalUserId };
        AddIfNotNull(sender, "displayName", Sender.DisplayName);
        AddIfNotNull(sender, "username", Sender.Username);
        AddIfNotNull(sender, "phone", Sender.Phone);
        AddIfNotNull(sender, "email", Sender.Email);
        AddIfNotNull(sender, "languageCode", Sender.LanguageCode);

        var fields = new JsonObject();
        foreach (var (key, value) in Fields)
        {
            fields[key] = value;
        }

        var json = new JsonObject
        {
            ["channelType"] = ChannelType,
            ["channelInstanceId"] = ChannelInstanceId,
            ["externalMessageId"] = ExternalMessageId,
        };
        AddIfNotNull(json, "conversationId", ConversationId);
        json["sender"] = sender;
        AddIfNotNull(json, "text", Text);
        AddIfNotNull(json, "leadSource", LeadSource);
        json["fields"] = fields;
        json["receivedAt"] = ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        return json;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ChannelType}:{ChannelInstanceId}:{ExternalMessageId}";

    private static void AddIfNotNull(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
