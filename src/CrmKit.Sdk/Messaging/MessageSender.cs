namespace CrmKit.Sdk.Messaging;

/// <summary>Who sent an inbound message, as the channel knows them.</summary>
public sealed class MessageSender
{
    /// <summary>
    /// The sender's id on the channel (Telegram <c>from.id</c>, VK <c>from_id</c>); the host finds the contact by it first.
    /// </summary>
    public required string ExternalUserId { get; init; }

    /// <summary>The sender's name, for example first and last name together.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The sender's handle on the channel, without <c>@</c>.</summary>
    public string? Username { get; init; }

    /// <summary>
    /// The sender's phone as the channel gave it; the host normalizes it to E.164. Set it only when the channel vouches
    /// that the number belongs to the sender (Telegram: a shared contact whose <c>user_id</c> is the sender's).
    /// </summary>
    public string? Phone { get; init; }

    /// <summary>The sender's e-mail, when a form asked for it.</summary>
    public string? Email { get; init; }

    /// <summary>The sender's language as an IETF tag (Telegram <c>language_code</c>), if known.</summary>
    public string? LanguageCode { get; init; }

    /// <inheritdoc />
    public override string ToString() => DisplayName is null ? ExternalUserId : $"{DisplayName} ({ExternalUserId})";
}
