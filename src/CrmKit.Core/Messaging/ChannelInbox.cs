using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CrmKit.Core.Records;
using CrmKit.Core.StandardModel;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Messaging;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Messaging;

/// <summary>
/// Stores normalized inbound messages: each once per <c>channel_message_key</c> (a unique activity field, so it holds
/// on every storage provider and across nodes). In one transaction a message finds its contact (by the channel user
/// key, then the phone, then the e-mail) or creates one, attaches to the contact's open lead or opens one (with the
/// lead source and UTM tags), and adds an inbound <c>message</c> activity to both; then it raises
/// <see cref="BuiltInWorkflowTriggers.InboundMessage"/> for the lead.
/// </summary>
internal sealed class ChannelInbox(IRecordService records, ICrmStore store, IServicePrincipalProvider principals)
{
    private const string Contact = StandardEntities.Contact;
    private const string Lead = StandardEntities.Lead;
    private const string Activity = StandardEntities.Activity;

    public async Task<int> StoreAsync(ChannelInstance instance, IReadOnlyList<InboundMessage> messages, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (instance.ServiceAccount is not { Length: > 0 } account)
        {
            throw new CrmException(CrmErrorKind.Unavailable, "channel.no_service_account", Sdk.Localization.LocalizedText.Of(
                $"The channel instance '{instance.Id}' names no service account (CrmKit:Channels:{instance.Id}:ServiceAccount).",
                $"Для канала «{instance.Id}» не указана сервисная учётная запись (CrmKit:Channels:{instance.Id}:ServiceAccount)."));
        }

        var principal = principals.GetServicePrincipal(account, CrmChannel.Plugin);
        var stored = 0;
        foreach (var message in messages)
        {
            var key = Key(instance, message);
            var leadId = await StoreOneAsync(principal, instance, message, key, cancellationToken);
            if (leadId is { } lead)
            {
                stored++;
                await RaiseAsync(services, principal, instance, message, key, lead, cancellationToken);
            }
        }

        return stored;
    }

    private static string Key(ChannelInstance instance, InboundMessage message) =>
        Truncate($"{instance.Type}:{instance.Id}:{message.ExternalMessageId}", StandardCrmModule.ChannelKeyMaxLength);

    private async Task<Guid?> StoreOneAsync(CrmPrincipal principal, ChannelInstance instance, InboundMessage message, string key, CancellationToken cancellationToken)
    {
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        if (await FirstAsync(principal, Activity, $"channel_message_key eq {Quote(key)}", cancellationToken) is not null)
        {
            return null;
        }

        var contact = await FindOrCreateContactAsync(principal, instance, message, cancellationToken);
        var lead = await FindOrOpenLeadAsync(principal, instance, message, contact, cancellationToken);
        try
        {
            await records.CreateAsync(principal, Activity, [ActivityValues(instance, message, key, contact.Id, lead)], cancellationToken);
            await lease.CommitAsync(cancellationToken);
        }
        catch (CrmException e) when (e.Code == "record.unique_violation")
        {
            return null; // the same delivery stored concurrently by another request
        }

        return lead;
    }

    private async Task<CrmRecord> FindOrCreateContactAsync(CrmPrincipal principal, ChannelInstance instance, InboundMessage message, CancellationToken cancellationToken)
    {
        var userKey = Truncate($"{instance.Type}:{message.Sender.ExternalUserId}", StandardCrmModule.ChannelKeyMaxLength);
        var phone = Phone(message.Sender.Phone);
        var contact = await FirstAsync(principal, Contact, $"channel_user_key eq {Quote(userKey)}", cancellationToken)
            ?? (phone is null ? null : await FirstAsync(principal, Contact, $"phone eq {Quote(phone)}", cancellationToken))
            ?? (message.Sender.Email is { Length: > 0 } email ? await FirstAsync(principal, Contact, $"email eq {Quote(email)}", cancellationToken) : null);
        if (contact is null)
        {
            var values = new JsonObject
            {
                ["first_name"] = Truncate(message.Sender.DisplayName ?? message.Sender.Username ?? userKey, 100),
                ["channel_user_key"] = userKey,
                ["source"] = Source(instance.Type),
            };
            SetIfPresent(values, "phone", phone);
            SetIfPresent(values, "email", message.Sender.Email);
            return await CreateLenientAsync(principal, Contact, values, cancellationToken);
        }

        var changes = new JsonObject();
        if (contact.Values["channel_user_key"] is null)
        {
            changes["channel_user_key"] = userKey;
        }

        if (phone is not null && contact.Values["phone"] is null)
        {
            changes["phone"] = phone;
        }

        if (changes.Count == 0)
        {
            return contact;
        }

        try
        {
            return await records.UpdateAsync(principal, Contact, contact.Id, changes, contact.Version, cancellationToken);
        }
        catch (CrmException e) when (e.Kind == CrmErrorKind.Validation && changes.Remove("phone"))
        {
            return changes.Count == 0 ? contact : await records.UpdateAsync(principal, Contact, contact.Id, changes, contact.Version, cancellationToken);
        }
    }

    private async Task<Guid> FindOrOpenLeadAsync(CrmPrincipal principal, ChannelInstance instance, InboundMessage message, CrmRecord contact, CancellationToken cancellationToken)
    {
        var open = await FirstAsync(principal, Lead, $"contact eq {Quote(contact.Id.ToString())} and (status eq 'new' or status eq 'in_progress')", cancellationToken);
        if (open is not null)
        {
            var changes = new JsonObject();
            if (message.LeadSource is { Length: > 0 } tag && open.Values["source_detail"] is null)
            {
                changes["source_detail"] = Truncate(tag, 256);
            }

            var phone = Phone(message.Sender.Phone);
            if (phone is not null && open.Values["phone"] is null)
            {
                changes["phone"] = phone;
            }

            if (changes.Count > 0)
            {
                try
                {
                    await records.UpdateAsync(principal, Lead, open.Id, changes, open.Version, cancellationToken);
                }
                catch (CrmException e) when (e.Kind == CrmErrorKind.Validation && changes.Remove("phone") && changes.Count > 0)
                {
                    await records.UpdateAsync(principal, Lead, open.Id, changes, open.Version, cancellationToken);
                }
                catch (CrmException e) when (e.Kind == CrmErrorKind.Validation)
                {
                    // Only the phone was to change, and the field refused it: the activity still records the message.
                }
            }

            return open.Id;
        }

        var name = (string?)contact.Values["first_name"] ?? message.Sender.ExternalUserId;
        var values = new JsonObject
        {
            ["title"] = Truncate($"{instance.Channel.Descriptor.DisplayName.Get(CultureInfo.InvariantCulture)}: {name}", 200),
            ["contact"] = contact.Id.ToString(),
            ["contact_name"] = Truncate(name, 200),
            ["source"] = Source(instance.Type),
            ["status"] = "new",
            ["channel_instance"] = instance.Id,
        };
        SetIfPresent(values, "phone", (string?)contact.Values["phone"] ?? Phone(message.Sender.Phone));
        SetIfPresent(values, "email", (string?)contact.Values["email"] ?? message.Sender.Email);
        SetIfPresent(values, "source_detail", message.LeadSource is null ? null : Truncate(message.LeadSource, 256));
        foreach (var utm in (string[])["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"])
        {
            if (message.Fields.TryGetValue(utm, out var value) && value.Length > 0)
            {
                values[utm] = Truncate(value, 256);
            }
        }

        if (message.Fields.TryGetValue("company", out var company) && company.Length > 0)
        {
            values["company_name"] = Truncate(company, 200);
        }

        return (await CreateLenientAsync(principal, Lead, values, cancellationToken)).Id;
    }

    /// <summary>
    /// Creates a record; when the field types refuse what the sender typed (a phone or e-mail that does not parse),
    /// creates it without those, so that a message is never refused for them — the activity keeps the text as sent.
    /// </summary>
    private async Task<CrmRecord> CreateLenientAsync(CrmPrincipal principal, string entity, JsonObject values, CancellationToken cancellationToken)
    {
        try
        {
            return (await records.CreateAsync(principal, entity, [values], cancellationToken))[0];
        }
        catch (CrmException e) when (e.Kind == CrmErrorKind.Validation && (values.Remove("phone") | values.Remove("email")))
        {
            return (await records.CreateAsync(principal, entity, [values], cancellationToken))[0];
        }
    }

    private static JsonObject ActivityValues(ChannelInstance instance, InboundMessage message, string key, Guid contact, Guid lead)
    {
        var subject = message.Text is { Length: > 0 } text
            ? text
            : message.Sender.Phone is not null ? "Contact shared: " + message.Sender.Phone
            : message.Fields.Count > 0 ? "Form submitted" : "Message";
        var description = new StringBuilder(message.Text ?? "");
        foreach (var (field, value) in message.Fields)
        {
            description.Append(description.Length > 0 ? "\n" : "").Append(field).Append(": ").Append(value);
        }

        var values = new JsonObject
        {
            ["type"] = "message",
            ["subject"] = Truncate(subject.ReplaceLineEndings(" "), 200),
            ["status"] = "done",
            ["completed_at"] = message.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["contact"] = contact.ToString(),
            ["lead"] = lead.ToString(),
            ["channel_instance"] = instance.Id,
            ["direction"] = "inbound",
            ["channel_message_key"] = key,
        };
        SetIfPresent(values, "description", description.Length > 0 ? description.ToString() : null);
        SetIfPresent(values, "conversation_id", message.ConversationId);
        return values;
    }

    private static async Task RaiseAsync(
        IServiceProvider services, CrmPrincipal principal, ChannelInstance instance, InboundMessage message, string key, Guid lead,
        CancellationToken cancellationToken)
    {
        if (services.GetService<IWorkflowEventSink>() is not { } sink)
        {
            return;
        }

        var payload = message.ToJson();
        payload["channel"] = instance.Type;
        await sink.RaiseAsync(new WorkflowEvent
        {
            TriggerType = BuiltInWorkflowTriggers.InboundMessage,
            Entity = Lead,
            RecordId = lead,
            Payload = payload,
            OccurredAt = message.ReceivedAt,
            Principal = principal,
            IdempotencyKey = "message:" + key,
        }, cancellationToken);
    }

    private async Task<CrmRecord?> FirstAsync(CrmPrincipal principal, string entity, string filter, CancellationToken cancellationToken)
    {
        var page = await records.QueryAsync(principal, entity, new RecordQuery { Filter = filter, Limit = 1 }, cancellationToken);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Source(string channelType) => channelType switch
    {
        "telegram" => "telegram",
        "vk" => "vk",
        "web-form" => "website",
        _ => "other",
    };

    /// <summary>A phone as E.164 (+ and digits; a Russian 8XXXXXXXXXX becomes +7XXXXXXXXXX), or null.</summary>
    internal static string? Phone(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is < 7 or > 15)
        {
            return null;
        }

        return digits.Length == 11 && digits[0] == '8' ? "+7" + digits[1..] : "+" + digits;
    }

    private static void SetIfPresent(JsonObject values, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values[name] = value;
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
