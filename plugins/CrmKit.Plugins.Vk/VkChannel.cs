using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Messaging;

namespace CrmKit.Plugins.Vk;

/// <summary>
/// The <c>vk</c> channel: a VK community whose Callback API server points at <c>/api/channels/{instance}/webhook</c>.
/// The <c>confirmation</c> event (for the instance's <c>groupId</c>) is answered with <c>confirmationCode</c>; every other
/// event must carry the instance's <c>secret</c> (compared in constant time) and is answered <c>ok</c>. Its
/// <c>event_id</c> is the delivery id. <c>message_new</c> (API 5.199 shape: <c>object.message</c>) and
/// <c>lead_forms_new</c> become inbound messages; other events are acknowledged and ignored. Replies go through
/// <c>messages.send</c> at <c>apiBaseUrl</c>.
/// </summary>
public sealed class VkChannel : IMessageChannel
{
    /// <summary>The channel type.</summary>
    public const string ChannelType = "vk";

    private const string DefaultBaseUrl = "https://api.vk.com/method";
    private const string DefaultVersion = "5.199";
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    /// <inheritdoc />
    public MessageChannelDescriptor Descriptor { get; } = new(ChannelType, LocalizedText.Of("VK", "ВКонтакте"), new JsonObject
    {
        ["type"] = "object",
        ["required"] = new JsonArray("groupId", "confirmationCode", "secret"),
        ["properties"] = new JsonObject
        {
            ["groupId"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]+$" },
            ["confirmationCode"] = new JsonObject { ["type"] = "string" },
            ["secret"] = new JsonObject { ["type"] = "string", ["writeOnly"] = true },
            ["accessToken"] = new JsonObject { ["type"] = "string", ["writeOnly"] = true },
            ["apiBaseUrl"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
            ["apiVersion"] = new JsonObject { ["type"] = "string" },
        },
    });

    /// <inheritdoc />
    public Task<ChannelWebhookResult> HandleWebhookAsync(ChannelWebhookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.Equals(context.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(ChannelWebhookResult.Reject(405));
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(context.Body.Span) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null || Text(body["type"]) is not { } type)
        {
            return Task.FromResult(ChannelWebhookResult.Reject(400));
        }

        var group = Setting(context.Settings, "groupId");
        if (group is null || Text(body["group_id"]) != group)
        {
            return Task.FromResult(ChannelWebhookResult.Reject(403));
        }

        if (type == "confirmation")
        {
            return Task.FromResult(Setting(context.Settings, "confirmationCode") is { } code
                ? ChannelWebhookResult.Accept([], code)
                : ChannelWebhookResult.Reject(403));
        }

        if (!SecretMatches(Setting(context.Settings, "secret"), Text(body["secret"])))
        {
            return Task.FromResult(ChannelWebhookResult.Reject(403));
        }

        if (Text(body["event_id"]) is not { } eventId || body["object"] is not JsonObject item)
        {
            return Task.FromResult(ChannelWebhookResult.Reject(400));
        }

        var message = type switch
        {
            "message_new" => FromMessage(context, eventId, item, body),
            "lead_forms_new" => FromLeadForm(context, eventId, item, body),
            _ => null,
        };
        return Task.FromResult(ChannelWebhookResult.Accept(message is null ? [] : [message], "ok"));
    }

    /// <inheritdoc />
    public async Task<OutboundMessageResult> SendAsync(ChannelSendContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Setting(context.Settings, "accessToken") is not { } token)
        {
            return OutboundMessageResult.Failed("The instance has no accessToken.", retryable: false);
        }

        var baseUrl = (Setting(context.Settings, "apiBaseUrl") ?? DefaultBaseUrl).TrimEnd('/');
        var form = new Dictionary<string, string>
        {
            ["peer_id"] = context.Message.ConversationId,
            ["message"] = context.Message.Text,
            // The same for every attempt with one idempotency key, so VK drops a repeated send.
            ["random_id"] = RandomId(context.IdempotencyKey).ToString(CultureInfo.InvariantCulture),
            ["access_token"] = token,
            ["v"] = Setting(context.Settings, "apiVersion") ?? DefaultVersion,
        };
        if (context.Message.ReplyToMessageId is { } reply)
        {
            form["reply_to"] = reply;
        }

        HttpResponseMessage response;
        try
        {
            using var content = new FormUrlEncodedContent(form);
            response = await Http.PostAsync(new Uri(baseUrl + "/messages.send"), content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return OutboundMessageResult.Failed("VK API unreachable: " + e.Message, retryable: true);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return OutboundMessageResult.Failed($"VK API answered HTTP {(int)response.StatusCode}.", retryable: (int)response.StatusCode >= 500);
            }

            JsonObject? answer;
            try
            {
                answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
            }
            catch (JsonException)
            {
                return OutboundMessageResult.Failed("VK API answered with something that is not JSON.", retryable: true);
            }

            if (answer?["error"] is JsonObject error)
            {
                var code = error["error_code"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : 0;
                // 6: too many requests per second, 9: flood control, 10: internal server error.
                return OutboundMessageResult.Failed($"VK API error {code}: {Text(error["error_msg"])}", retryable: code is 6 or 9 or 10);
            }

            return OutboundMessageResult.Sent(Text(answer?["response"]));
        }
    }

    private static InboundMessage? FromMessage(ChannelWebhookContext context, string eventId, JsonObject item, JsonObject raw)
    {
        if (item["message"] is not JsonObject message || Text(message["from_id"]) is not { } from || from.StartsWith('-'))
        {
            return null; // an older shape, or a message from a community
        }

        return new InboundMessage
        {
            ChannelType = ChannelType,
            ChannelInstanceId = context.InstanceId,
            ExternalMessageId = eventId,
            ConversationId = Text(message["peer_id"]) ?? from,
            Sender = new MessageSender { ExternalUserId = from, DisplayName = "VK id" + from },
            Text = Text(message["text"]) is { Length: > 0 } text ? text : null,
            LeadSource = Text(message["ref"]),
            Fields = Text(message["ref_source"]) is { } refSource
                ? new Dictionary<string, string> { ["utm_source"] = refSource }
                : new Dictionary<string, string>(),
            ReceivedAt = Date(message["date"]) ?? context.ReceivedAt,
            Raw = raw,
        };
    }

    private static InboundMessage? FromLeadForm(ChannelWebhookContext context, string eventId, JsonObject item, JsonObject raw)
    {
        if (Text(item["user_id"]) is not { } user)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var answer in item["answers"] as JsonArray ?? [])
        {
            if (answer is JsonObject a && Text(a["key"]) is { } key && Text(a["answer"]) is { } value)
            {
                fields[key] = value;
            }
        }

        if (fields.TryGetValue("company_name", out var company))
        {
            fields["company"] = company;
        }

        var name = string.Join(' ', new[] { Get(fields, "first_name"), Get(fields, "last_name") }.Where(p => p is not null));
        return new InboundMessage
        {
            ChannelType = ChannelType,
            ChannelInstanceId = context.InstanceId,
            ExternalMessageId = eventId,
            ConversationId = user,
            Sender = new MessageSender
            {
                ExternalUserId = user,
                DisplayName = name.Length > 0 ? name : "VK id" + user,
                Phone = Get(fields, "phone_number"),
                Email = Get(fields, "email"),
            },
            LeadSource = Text(item["form_name"]),
            Fields = fields,
            ReceivedAt = context.ReceivedAt,
            Raw = raw,
        };
    }

    private static string? Get(Dictionary<string, string> fields, string key) => fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static DateTimeOffset? Date(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>A string or a number as invariant text.</summary>
    private static string? Text(JsonNode? node) => node is not JsonValue value ? null
        : value.TryGetValue<string>(out var text) ? text
        : value.TryGetValue<long>(out var number) ? number.ToString(CultureInfo.InvariantCulture)
        : null;

    private static int RandomId(string key) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) & int.MaxValue;

    private static bool SecretMatches(string? expected, string? sent) =>
        expected is not null && sent is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(sent)));

    private static string? Setting(JsonObject settings, string name) =>
        settings[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
