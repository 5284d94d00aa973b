namespace CrmKit.Sdk.Messaging;

/// <summary>
/// What a channel made of a webhook call: the HTTP answer to give and the messages to store. The host stores the
/// messages before it answers; when storing fails it answers 500 instead, so that the channel delivers again.
/// </summary>
public sealed class ChannelWebhookResult
{
    /// <summary>The HTTP status code, for example 200.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The response body, if any (VK wants <c>ok</c>, or the confirmation string on the handshake).</summary>
    public string? Body { get; init; }

    /// <summary>The media type of <see cref="Body"/>.</summary>
    public string ContentType { get; init; } = "text/plain; charset=utf-8";

    /// <summary>
    /// Response headers to add (a website form's <c>Access-Control-Allow-Origin</c>); the host sets no others of its own
    /// beyond the content type.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The messages the call carried, normalized; empty for handshakes, rejected calls and ignored events.</summary>
    public IReadOnlyList<InboundMessage> Messages { get; init; } = [];

    /// <summary>Creates a 200 answer carrying messages.</summary>
    /// <param name="messages">The messages; empty when the call carried none worth storing.</param>
    /// <param name="body">The response body the channel expects, if any.</param>
    /// <returns>The result.</returns>
    public static ChannelWebhookResult Accept(IReadOnlyList<InboundMessage> messages, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return new ChannelWebhookResult { StatusCode = 200, Body = body, Messages = messages };
    }

    /// <summary>Creates an answer that refuses the call and stores nothing.</summary>
    /// <param name="statusCode">The status code, 400 to 499 (403 for a bad secret or token).</param>
    /// <param name="body">The response body, if any; never echo secrets.</param>
    /// <returns>The result.</returns>
    public static ChannelWebhookResult Reject(int statusCode = 403, string? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 499);
        return new ChannelWebhookResult { StatusCode = statusCode, Body = body };
    }
}
