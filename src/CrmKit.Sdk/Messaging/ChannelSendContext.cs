using System.Text.Json.Nodes;
using CrmKit.Sdk.Security;

namespace CrmKit.Sdk.Messaging;

/// <summary>
/// One send through a channel instance. New members may be added; channels take this one argument so they keep working.
/// </summary>
public sealed class ChannelSendContext
{
    /// <summary>The id of the channel instance to send through.</summary>
    public required string InstanceId { get; init; }

    /// <summary>
    /// The instance's settings, secrets included, validated against
    /// <see cref="MessageChannelDescriptor.GetSettingsSchema"/>. Never log them.
    /// </summary>
    public required JsonObject Settings { get; init; }

    /// <summary>The message.</summary>
    public required OutboundMessage Message { get; init; }

    /// <summary>
    /// A key that is the same for every attempt to send this message; pass it on where the channel's API accepts one.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Who is sending (a user through the API, or the principal of a workflow run).</summary>
    public required CrmPrincipal Principal { get; init; }

    /// <summary>Services of the scope the send runs in.</summary>
    public required IServiceProvider Services { get; init; }
}
