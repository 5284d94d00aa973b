using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CrmKit.JsonSchema;
using CrmKit.Core.Modules;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Messaging;
using CrmKit.Sdk.Security;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Messaging;

/// <summary>
/// Runs the configured message channel instances (<see cref="CrmKitOptions.Channels"/>): hands a webhook call to the
/// instance's <see cref="IMessageChannel"/>, stores the messages it normalized through <see cref="ChannelInbox"/>, and
/// sends through an instance. The HTTP endpoints and the <c>send_message</c> workflow action call it.
/// </summary>
public sealed class ChannelHost
{
    private readonly IOptionsMonitor<CrmKitOptions> _options;
    private readonly ICrmExtensions _extensions;
    private readonly ChannelInbox _inbox;
    private readonly TimeProvider _clock;
    private readonly IRecordService _records;
    private readonly ICrmStore _store;
    private readonly JsonSchemaCompiler _compiler = new();
    private readonly ConditionalWeakTable<IMessageChannel, Settings.CompiledSettingsSchema> _schemas = new();

    internal ChannelHost(
        IOptionsMonitor<CrmKitOptions> options, ICrmExtensions extensions, ChannelInbox inbox, TimeProvider clock, IRecordService records, ICrmStore store)
    {
        _records = records;
        _store = store;
        _options = options;
        _extensions = extensions;
        _inbox = inbox;
        _clock = clock;
    }

    /// <summary>Whether an instance with the id is configured (enabled or not).</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>True when configured.</returns>
    public bool IsConfigured(string instanceId) => _options.CurrentValue.Channels.ContainsKey(instanceId);

    /// <summary>Finds an enabled instance and the channel that serves it.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="CrmException"><c>channel.not_found</c> (404) when no enabled instance of a loaded channel type has the id.</exception>
    public ChannelInstance GetInstance(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (!_options.CurrentValue.Channels.TryGetValue(instanceId, out var options) || !options.Enabled || options.Type is not { Length: > 0 } type)
        {
            throw NotFound(instanceId);
        }

        var channel = _extensions.TryGet<IMessageChannel>(type, out var found)
            ? found
            : _extensions.GetAll<IMessageChannel>().FirstOrDefault(c => c.Descriptor.ChannelType == type) ?? throw NotFound(instanceId);
        var settings = new JsonObject();
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var schema = _schemas.GetValue(channel, c => Settings.CompiledSettingsSchema.Compile(c.Descriptor.ChannelType, c.Descriptor.GetSettingsSchema(), _compiler));
        if (schema.Validate(settings) is { Count: > 0 } errors)
        {
            // Pointers and codes only: the values may be secrets.
            throw new CrmException(CrmErrorKind.Unavailable, "channel.invalid_settings", LocalizedText.Of(
                $"The settings of channel instance '{instanceId}' do not match its channel's schema: {string.Join(", ", errors.Select(e => e.Pointer + " " + e.Code))}.",
                $"Настройки канала «{instanceId}» не соответствуют схеме канала: {string.Join(", ", errors.Select(e => e.Pointer + " " + e.Code))}."));
        }

        return new ChannelInstance(instanceId, channel, settings, options.ServiceAccount);
    }

    /// <summary>
    /// Handles one webhook call: the channel verifies and normalizes it, then each message is stored once (contact,
    /// lead, timeline activity in one transaction) and raises <c>message.inbound</c>.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The channel's answer and how many messages were new.</returns>
    public async Task<ChannelWebhookOutcome> ReceiveAsync(ChannelWebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = GetInstance(request.InstanceId);
        var result = await instance.Channel.HandleWebhookAsync(new ChannelWebhookContext
        {
            InstanceId = instance.Id,
            Settings = (JsonObject)instance.Settings.DeepClone(),
            Method = request.Method,
            Headers = request.Headers,
            Query = request.Query,
            Body = request.Body,
            RemoteAddress = request.RemoteAddress,
            ReceivedAt = _clock.GetUtcNow(),
            Services = request.Services,
        }, cancellationToken);
        var stored = 0;
        if (result.StatusCode is >= 200 and < 300 && result.Messages.Count > 0)
        {
            stored = await _inbox.StoreAsync(instance, result.Messages, request.Services, cancellationToken);
        }

        return new ChannelWebhookOutcome(result, stored);
    }

    /// <summary>Sends a message through an instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="message">The message.</param>
    /// <param name="principal">Who sends.</param>
    /// <param name="idempotencyKey">The same for every attempt to send this message.</param>
    /// <param name="services">Services of the calling scope.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How the send ended.</returns>
    public Task<OutboundMessageResult> SendAsync(
        string instanceId, OutboundMessage message, CrmPrincipal principal, string idempotencyKey, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var instance = GetInstance(instanceId);
        return instance.Channel.SendAsync(new ChannelSendContext
        {
            InstanceId = instance.Id,
            Settings = (JsonObject)instance.Settings.DeepClone(),
            Message = message,
            IdempotencyKey = idempotencyKey,
            Principal = principal,
            Services = services,
        }, cancellationToken);
    }

    /// <summary>
    /// Sends a message through an instance and records it as an outbound <c>message</c> activity of the sender (so the
    /// sender's rights to create activities are checked first); nothing is recorded when the channel refuses it.
    /// </summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="message">The message.</param>
    /// <param name="principal">Who sends.</param>
    /// <param name="idempotencyKey">The same for every attempt to send this message.</param>
    /// <param name="lead">The lead the activity belongs to, if any.</param>
    /// <param name="contact">The contact the activity belongs to, if any.</param>
    /// <param name="services">Services of the calling scope.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How the send ended and the activity recorded.</returns>
    public async Task<(OutboundMessageResult Result, Guid? ActivityId)> SendAndRecordAsync(
        string instanceId, OutboundMessage message, CrmPrincipal principal, string idempotencyKey, Guid? lead, Guid? contact,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var instance = GetInstance(instanceId);
        await using var lease = (await SessionLease.OpenAsync(_store, write: true, cancellationToken)).Activate();
        var values = new JsonObject
        {
            ["type"] = "message",
            ["subject"] = message.Text.Length <= 200 ? message.Text.ReplaceLineEndings(" ") : message.Text[..200].ReplaceLineEndings(" "),
            ["description"] = message.Text,
            ["status"] = "done",
            ["completed_at"] = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["channel_instance"] = instance.Id,
            ["direction"] = "outbound",
            ["conversation_id"] = message.ConversationId,
        };
        if (lead is { } leadId)
        {
            values["lead"] = leadId.ToString();
        }

        if (contact is { } contactId)
        {
            values["contact"] = contactId.ToString();
        }

        var activity = (await _records.CreateAsync(principal, StandardModel.StandardEntities.Activity, [values], cancellationToken))[0];
        var result = await instance.Channel.SendAsync(new ChannelSendContext
        {
            InstanceId = instance.Id,
            Settings = (JsonObject)instance.Settings.DeepClone(),
            Message = message,
            IdempotencyKey = idempotencyKey,
            Principal = principal,
            Services = services,
        }, cancellationToken);
        if (!result.Succeeded)
        {
            return (result, null);
        }

        await lease.CommitAsync(cancellationToken);
        return (result, activity.Id);
    }

    private static CrmException NotFound(string instanceId) =>
        new(CrmErrorKind.NotFound, "channel.not_found", LocalizedText.Of(
            $"No enabled channel instance '{instanceId}' of a loaded channel type.",
            $"Нет включённого канала «{instanceId}» загруженного типа."));
}

/// <summary>A configured channel instance and the channel type that serves it.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Settings">The instance's settings; secrets included, never log them.</param>
/// <param name="ServiceAccount">The service account its messages are stored as.</param>
public sealed record ChannelInstance(string Id, IMessageChannel Channel, JsonObject Settings, string? ServiceAccount)
{
    /// <summary>The channel type name.</summary>
    public string Type => Channel.Descriptor.ChannelType;
}

/// <summary>One webhook call as the HTTP layer received it.</summary>
public sealed class ChannelWebhookRequest
{
    /// <summary>The instance id from the address.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Headers, case-insensitive.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Query parameters, case-insensitive.</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    /// <summary>The whole body.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The caller's IP address, if known.</summary>
    public string? RemoteAddress { get; init; }

    /// <summary>Services of the request scope.</summary>
    public required IServiceProvider Services { get; init; }
}

/// <summary>The channel's answer to a webhook call and how many of its messages were new.</summary>
/// <param name="Result">The channel's answer.</param>
/// <param name="Stored">How many messages were stored (a replayed delivery counts zero).</param>
public sealed record ChannelWebhookOutcome(ChannelWebhookResult Result, int Stored);
