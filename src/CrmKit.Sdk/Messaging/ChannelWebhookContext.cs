using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Messaging;

/// <summary>
/// One call to a channel instance's webhook endpoint. New members may be added; channels take this one argument so
/// they keep working.
/// </summary>
public sealed class ChannelWebhookContext
{
    /// <summary>The id of the channel instance the endpoint belongs to, for example <c>sales-bot</c>.</summary>
    public required string InstanceId { get; init; }

    /// <summary>
    /// The instance's settings, secrets included, validated against
    /// <see cref="MessageChannelDescriptor.GetSettingsSchema"/>. Never log them.
    /// </summary>
    public required JsonObject Settings { get; init; }

    /// <summary>The HTTP method, for example <c>POST</c>.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>
    /// The request headers, with case-insensitive names; several values of one header are joined with <c>, </c>.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The query string parameters.</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The request body. The host has read it whole, after refusing bodies over its size limit, so that a channel can
    /// check a signature over the exact bytes before parsing.
    /// </summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The caller's IP address as the host sees it (for rate limits), or null when unknown.</summary>
    public string? RemoteAddress { get; init; }

    /// <summary>When the host received the call (UTC).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Services of the scope the call runs in.</summary>
    public required IServiceProvider Services { get; init; }
}
