using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Messaging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace CrmKit.Plugins.Telegram;

/// <summary>
/// The <c>telegram</c> channel: a bot whose webhook points at <c>/api/channels/{instance}/webhook</c>. Calls must carry
/// the instance's <c>secretToken</c> in <c>X-Telegram-Bot-Api-Secret-Token</c> (compared in constant time); an update's
/// <c>update_id</c> is its delivery id. Text messages, shared contacts (the phone counts as the sender's only when the
/// contact's <c>user_id</c> is the sender's) and <c>/start &lt;payload&gt;</c> deep links (the payload is the lead
/// source) become inbound messages; other updates are acknowledged and ignored. Replies go out through the Bot API at
/// <c>apiBaseUrl</c>.
/// </summary>
public sealed class TelegramChannel : IMessageChannel
{
    /// <summary>The channel type.</summary>
    public const string ChannelType = "telegram";

    /// <summary>The header Telegram sends the webhook's secret token in.</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private const string DefaultBaseUrl = "https://api.telegram.org";
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private readonly ConcurrentDictionary<(string Token, string BaseUrl), TelegramBotClient> _bots = new();

    /// <inheritdoc />
    public MessageChannelDescriptor Descriptor { get; } = new(ChannelType, LocalizedText.Of("Telegram", "Telegram"), new JsonObject
    {
        ["type"] = "object",
        ["required"] = new JsonArray("botToken", "secretToken"),
        ["properties"] = new JsonObject
        {
            ["botToken"] = new JsonObject { ["type"] = "string", ["writeOnly"] = true },
            ["secretToken"] = new JsonObject { ["type"] = "string", ["writeOnly"] = true, ["pattern"] = "^[A-Za-z0-9_-]{1,256}$" },
            ["apiBaseUrl"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
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

        if (!SecretMatches(Setting(context.Settings, "secretToken"), context.Headers.TryGetValue(SecretHeader, out var sent) ? sent : null))
        {
            return Task.FromResult(ChannelWebhookResult.Reject(403));
        }

        Update? update;
        JsonObject? raw;
        try
        {
            update = JsonSerializer.Deserialize<Update>(context.Body.Span, JsonBotAPI.Options);
            raw = JsonNode.Parse(context.Body.Span) as JsonObject;
        }
        catch (JsonException)
        {
            return Task.FromResult(ChannelWebhookResult.Reject(400));
        }

        if (update is null || raw is null)
        {
            return Task.FromResult(ChannelWebhookResult.Reject(400));
        }

        var message = update.Message is { From: not null } m ? Normalize(context, update, m, raw) : null;
        return Task.FromResult(ChannelWebhookResult.Accept(message is null ? [] : [message]));
    }

    /// <inheritdoc />
    public async Task<OutboundMessageResult> SendAsync(ChannelSendContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Setting(context.Settings, "botToken") is not { } token)
        {
            return OutboundMessageResult.Failed("The instance has no botToken.", retryable: false);
        }

        if (!long.TryParse(context.Message.ConversationId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat))
        {
            return OutboundMessageResult.Failed("The conversation id is not a Telegram chat id.", retryable: false);
        }

        var baseUrl = (Setting(context.Settings, "apiBaseUrl") ?? DefaultBaseUrl).TrimEnd('/');
        TelegramBotClient bot;
        try
        {
            bot = _bots.GetOrAdd((token, baseUrl), key => new TelegramBotClient(new TelegramBotClientOptions(key.Token, key.BaseUrl), Http));
        }
        catch (ArgumentException)
        {
            return OutboundMessageResult.Failed("The botToken is not a bot token (<bot id>:<secret>).", retryable: false);
        }

        ReplyParameters? reply = int.TryParse(context.Message.ReplyToMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var replyTo)
            ? new ReplyParameters { MessageId = replyTo, AllowSendingWithoutReply = true }
            : null;
        try
        {
            var sent = await bot.SendMessage(chat, context.Message.Text, replyParameters: reply, cancellationToken: cancellationToken);
            return OutboundMessageResult.Sent(sent.Id.ToString(CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException e)
        {
            var retryable = e.ErrorCode is 429 or >= 500;
            var after = e.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            return OutboundMessageResult.Failed($"Bot API error {e.ErrorCode}: {e.Message}", retryable, after);
        }
        catch (RequestException e)
        {
            // No answer, or one that is not a Bot API answer.
            return OutboundMessageResult.Failed("Bot API call failed: " + e.Message, retryable: true);
        }
        catch (HttpRequestException e)
        {
            return OutboundMessageResult.Failed("Bot API unreachable: " + e.Message, retryable: true);
        }
    }

    private static InboundMessage Normalize(ChannelWebhookContext context, Update update, Message message, JsonObject raw)
    {
        var from = message.From!;
        var text = message.Text;
        string? source = null;
        if (text is not null && (text == "/start" || text.StartsWith("/start ", StringComparison.Ordinal)))
        {
            var payload = text.Length > 7 ? text[7..].Trim() : "";
            source = payload.Length > 0 ? payload : null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? phone = null;
        if (message.Contact is { } contact)
        {
            if (contact.UserId == from.Id)
            {
                phone = contact.PhoneNumber;
            }
            else
            {
                fields["shared_contact_phone"] = contact.PhoneNumber;
                fields["shared_contact_name"] = (contact.FirstName + " " + contact.LastName).Trim();
            }
        }

        var name = (from.FirstName + " " + from.LastName).Trim();
        return new InboundMessage
        {
            ChannelType = ChannelType,
            ChannelInstanceId = context.InstanceId,
            ExternalMessageId = update.Id.ToString(CultureInfo.InvariantCulture),
            ConversationId = message.Chat.Id.ToString(CultureInfo.InvariantCulture),
            Sender = new MessageSender
            {
                ExternalUserId = from.Id.ToString(CultureInfo.InvariantCulture),
                DisplayName = name.Length > 0 ? name : null,
                Username = from.Username,
                Phone = phone,
                LanguageCode = from.LanguageCode,
            },
            Text = text,
            LeadSource = source,
            Fields = fields,
            ReceivedAt = message.Date == default ? context.ReceivedAt : new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)),
            Raw = raw,
        };
    }

    private static bool SecretMatches(string? expected, string? sent)
    {
        if (expected is null || sent is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(sent)));
    }

    private static string? Setting(JsonObject settings, string name) =>
        settings[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
