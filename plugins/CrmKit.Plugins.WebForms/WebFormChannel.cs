using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Messaging;

namespace CrmKit.Plugins.WebForms;

/// <summary>
/// The <c>web-form</c> channel: one instance per website form, posted to
/// <c>/api/channels/{instance}/webhook?token=…</c> as <c>application/x-www-form-urlencoded</c> or JSON. The token in the
/// URL is compared in constant time; a browser's <c>Origin</c> must be one of <c>allowedOrigins</c> (the preflight
/// <c>OPTIONS</c> is answered for them); a filled honeypot field is answered as a success but stored nowhere; each
/// caller address may submit <c>rateLimitPerMinute</c> times a minute (then 429). A submission becomes an inbound message
/// whose fields (<c>name</c>, <c>email</c>, <c>phone</c>, <c>message</c>, <c>company</c>, <c>utm_*</c>…) the host turns
/// into a lead with its UTM tags. Web forms cannot send.
/// </summary>
public sealed class WebFormChannel : IMessageChannel
{
    /// <summary>The channel type.</summary>
    public const string ChannelType = "web-form";

    private const int MaxFields = 50;
    private const int MaxValueLength = 4000;
    private readonly ConcurrentDictionary<(string Instance, string Caller), Window> _windows = new();

    /// <inheritdoc />
    public MessageChannelDescriptor Descriptor { get; } = new(ChannelType, LocalizedText.Of("Website form", "Форма на сайте"), new JsonObject
    {
        ["type"] = "object",
        ["required"] = new JsonArray("token"),
        ["properties"] = new JsonObject
        {
            ["token"] = new JsonObject { ["type"] = "string", ["writeOnly"] = true, ["minLength"] = 16 },
            ["allowedOrigins"] = new JsonObject { ["type"] = "string", ["description"] = "Comma-separated origins, e.g. https://example.ru" },
            ["honeypotField"] = new JsonObject { ["type"] = "string" },
            ["rateLimitPerMinute"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]+$" },
            ["formName"] = new JsonObject { ["type"] = "string" },
        },
    });

    /// <inheritdoc />
    public Task<ChannelWebhookResult> HandleWebhookAsync(ChannelWebhookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = context.Headers.TryGetValue("Origin", out var o) && o.Length > 0 ? o : null;
        var cors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (origin is not null)
        {
            if (!OriginAllowed(context.Settings, origin))
            {
                return Task.FromResult(ChannelWebhookResult.Reject(403, "origin not allowed"));
            }

            cors["Access-Control-Allow-Origin"] = origin;
            cors["Vary"] = "Origin";
        }

        if (string.Equals(context.Method, "OPTIONS", StringComparison.OrdinalIgnoreCase))
        {
            cors["Access-Control-Allow-Methods"] = "POST";
            cors["Access-Control-Allow-Headers"] = "Content-Type";
            cors["Access-Control-Max-Age"] = "600";
            return Task.FromResult(new ChannelWebhookResult { StatusCode = 204, Headers = cors });
        }

        if (!string.Equals(context.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(ChannelWebhookResult.Reject(405));
        }

        if (!TokenMatches(Setting(context.Settings, "token"), context.Query.TryGetValue("token", out var token) ? token : null))
        {
            return Task.FromResult(ChannelWebhookResult.Reject(403));
        }

        if (!TakeRate(context))
        {
            return Task.FromResult(new ChannelWebhookResult { StatusCode = 429, Body = "too many submissions", Headers = cors });
        }

        var fields = Parse(context);
        if (fields is null)
        {
            return Task.FromResult(new ChannelWebhookResult { StatusCode = 400, Body = "unreadable form", Headers = cors });
        }

        var honeypot = Setting(context.Settings, "honeypotField") ?? "website";
        if (fields.Remove(honeypot, out var trap) && trap.Length > 0)
        {
            // A bot filled the hidden field: answer as for a person, store nothing.
            return Task.FromResult(Ok([], cors));
        }

        var email = Take(fields, "email");
        var phone = Take(fields, "phone");
        var name = Take(fields, "name");
        var text = Take(fields, "message");
        var submission = Take(fields, "submission_id");
        if (email is null && phone is null)
        {
            return Task.FromResult(new ChannelWebhookResult
            {
                StatusCode = 422, ContentType = "application/json", Headers = cors,
                Body = """{"ok":false,"error":"email or phone is required"}""",
            });
        }

        var raw = new JsonObject();
        foreach (var (key, value) in fields)
        {
            raw[key] = value;
        }

        var formName = Setting(context.Settings, "formName") ?? context.InstanceId;
        var message = new InboundMessage
        {
            ChannelType = ChannelType,
            ChannelInstanceId = context.InstanceId,
            // A page may send its own id so a double submit is stored once; otherwise each submission is new.
            ExternalMessageId = submission is { Length: <= 100 } ? "s:" + submission : Guid.NewGuid().ToString("N"),
            Sender = new MessageSender
            {
                ExternalUserId = (email ?? phone)!.ToLowerInvariant(),
                DisplayName = name,
                Email = email,
                Phone = phone,
            },
            Text = text,
            LeadSource = fields.TryGetValue("utm_source", out var utm) ? formName + " / " + utm : formName,
            Fields = fields,
            ReceivedAt = context.ReceivedAt,
            Raw = raw,
        };
        return Task.FromResult(Ok([message], cors));
    }

    /// <inheritdoc />
    public Task<OutboundMessageResult> SendAsync(ChannelSendContext context, CancellationToken cancellationToken) =>
        Task.FromResult(OutboundMessageResult.Failed("A website form cannot send messages; reply by e-mail or phone.", retryable: false));

    private static ChannelWebhookResult Ok(IReadOnlyList<InboundMessage> messages, Dictionary<string, string> cors) => new()
    {
        StatusCode = 200, Body = """{"ok":true}""", ContentType = "application/json", Headers = cors, Messages = messages,
    };

    private bool TakeRate(ChannelWebhookContext context)
    {
        var limit = int.TryParse(Setting(context.Settings, "rateLimitPerMinute"), out var l) ? l : 10;
        var minute = context.ReceivedAt.ToUnixTimeSeconds() / 60;
        var window = _windows.AddOrUpdate(
            (context.InstanceId, context.RemoteAddress ?? "?"),
            _ => new Window(minute, 1),
            (_, w) => w.Minute == minute ? w with { Count = w.Count + 1 } : new Window(minute, 1));
        if (_windows.Count > 10_000)
        {
            foreach (var (key, old) in _windows)
            {
                if (old.Minute < minute)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }

        return window.Count <= limit;
    }

    private static Dictionary<string, string>? Parse(ChannelWebhookContext context)
    {
        var type = context.Headers.TryGetValue("Content-Type", out var t) ? t : "";
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                if (JsonNode.Parse(context.Body.Span) is not JsonObject json)
                {
                    return null;
                }

                foreach (var (key, value) in json)
                {
                    if (value is JsonValue v && (v.TryGetValue<string>(out var s) || (s = v.ToJsonString()) is not null))
                    {
                        Add(fields, key, s);
                    }
                }
            }
            else
            {
                foreach (var pair in Encoding.UTF8.GetString(context.Body.Span).Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    var at = pair.IndexOf('=', StringComparison.Ordinal);
                    var key = Uri.UnescapeDataString((at < 0 ? pair : pair[..at]).Replace('+', ' '));
                    var value = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '));
                    Add(fields, key, value);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return fields.Count > MaxFields ? null : fields;
    }

    private static void Add(Dictionary<string, string> fields, string key, string value)
    {
        key = key.Trim();
        if (key.Length is > 0 and <= 64)
        {
            fields[key] = value.Length > MaxValueLength ? value[..MaxValueLength] : value.Trim();
        }
    }

    private static string? Take(Dictionary<string, string> fields, string key) =>
        fields.Remove(key, out var value) && value.Length > 0 ? value : null;

    private static bool OriginAllowed(JsonObject settings, string origin) =>
        (Setting(settings, "allowedOrigins") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(allowed => allowed == "*" || string.Equals(allowed.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));

    private static bool TokenMatches(string? expected, string? sent) =>
        expected is not null && sent is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(sent)));

    private static string? Setting(JsonObject settings, string name) =>
        settings[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private sealed record Window(long Minute, int Count);
}
