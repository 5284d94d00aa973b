using System.Text;
using System.Text.Json.Nodes;
using CrmKit.Core.Messaging;
using CrmKit.Core.Tests.Security;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Messaging;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Messaging;

/// <summary>
/// The host's side of a channel (store once, contact, lead, timeline) on the configured store — SQLite, or PostgreSQL
/// when the suite runs there — with a minimal channel standing in for a plugin: the body is <c>user|delivery|text|phone</c>.
/// </summary>
public sealed class ChannelInboxTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CrmTestHost.StartAsync(b =>
        {
            b.AddMessageChannel<PipeChannel>();
            b.Services.Configure<CrmKitOptions>(o => o.Channels["pipe-1"] = new ChannelInstanceOptions
            {
                Type = PipeChannel.Type, ServiceAccount = "svc-inbox", Settings = { ["secret"] = "s3cret" },
            });
            b.Services.Configure<CrmKitOptions>(o => o.Channels["pipe-bad"] = new ChannelInstanceOptions
            {
                Type = PipeChannel.Type, ServiceAccount = "svc-inbox", Settings = { ["secret"] = "x!" },
            });
        });
        await _host.AddUserAsync("svc-inbox", "service", "administrator");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_delivery_is_stored_once_with_its_contact_lead_and_activity()
    {
        (await ReceiveAsync("u1|d1|Здравствуйте")).Stored.ShouldBe(1);
        (await ReceiveAsync("u1|d1|Здравствуйте")).Stored.ShouldBe(0);
        (await ReceiveAsync("u1|d2|Ещё вопрос")).Stored.ShouldBe(1);

        var contact = (await QueryAsync("contact", "channel_user_key eq 'pipe:u1'")).ShouldHaveSingleItem();
        contact.CreatedBy.ShouldBe("svc-inbox");
        var lead = (await QueryAsync("lead", $"contact eq '{contact.Id}'")).ShouldHaveSingleItem("the second message attaches to the open lead");
        lead.Values["channel_instance"]!.GetValue<string>().ShouldBe("pipe-1");
        var activities = await QueryAsync("activity", $"lead eq '{lead.Id}'");
        activities.Select(a => (string)a.Values["channel_message_key"]!).Order().ShouldBe(["pipe:pipe-1:d1", "pipe:pipe-1:d2"]);
    }

    [Fact]
    public async Task A_closed_lead_is_not_reused()
    {
        await ReceiveAsync("u2|d3|Первый");
        var lead = (await QueryAsync("lead", "channel_instance eq 'pipe-1'")).Single(l => l.Values["contact_name"]!.GetValue<string>() == "u2");
        await _host.Records.UpdateAsync(CrmTestHost.User, "lead", lead.Id, new JsonObject { ["status"] = "converted" }, null);
        await ReceiveAsync("u2|d4|Снова");

        var contact = (await QueryAsync("contact", "channel_user_key eq 'pipe:u2'")).ShouldHaveSingleItem();
        (await QueryAsync("lead", $"contact eq '{contact.Id}'")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_known_phone_finds_the_existing_contact_and_gives_it_the_channel_key()
    {
        var existing = await _host.CreateAsync("contact", """{"first_name": "Иван", "phone": "+79161234567"}""");
        await ReceiveAsync("u3|d5|Это Иван|8 (916) 123-45-67");

        var contact = (await QueryAsync("contact", "channel_user_key eq 'pipe:u3'")).ShouldHaveSingleItem();
        contact.Id.ShouldBe(existing.Id);
        (await QueryAsync("lead", $"contact eq '{existing.Id}'")).ShouldHaveSingleItem().Values["phone"]!.GetValue<string>().ShouldBe("+79161234567");
    }

    [Fact]
    public async Task A_phone_the_field_type_refuses_is_left_out_and_the_message_still_stored()
    {
        (await ReceiveAsync("u5|d8|Мой номер|+1 000 0000")).Stored.ShouldBe(1);

        var contact = (await QueryAsync("contact", "channel_user_key eq 'pipe:u5'")).ShouldHaveSingleItem();
        contact.Values["phone"].ShouldBeNull();
        var lead = (await QueryAsync("lead", $"contact eq '{contact.Id}'")).ShouldHaveSingleItem();
        (await QueryAsync("activity", $"lead eq '{lead.Id}'")).ShouldHaveSingleItem().Values["subject"]!.GetValue<string>().ShouldBe("Мой номер");
    }

    [Fact]
    public async Task A_refused_call_stores_nothing_and_an_unknown_instance_is_channel_not_found()
    {
        var host = _host.Services.GetRequiredService<ChannelHost>();
        var outcome = await host.ReceiveAsync(Request("pipe-1", "u4|d6|forged", secret: "wrong"), CancellationToken.None);
        outcome.Result.StatusCode.ShouldBe(403);
        (await QueryAsync("contact", "channel_user_key eq 'pipe:u4'")).ShouldBeEmpty();

        var missing = await Should.ThrowAsync<Sdk.Errors.CrmException>(() => host.ReceiveAsync(Request("nope", "u4|d7|x"), CancellationToken.None));
        missing.Code.ShouldBe("channel.not_found");
    }

    [Fact]
    public async Task An_instance_whose_settings_break_the_channels_schema_is_refused_without_echoing_them()
    {
        var host = _host.Services.GetRequiredService<ChannelHost>();
        var error = await Should.ThrowAsync<Sdk.Errors.CrmException>(() => host.ReceiveAsync(Request("pipe-bad", "u6|d9|x", secret: "x!"), CancellationToken.None));
        error.Code.ShouldBe("channel.invalid_settings");
        error.Kind.ShouldBe(Sdk.Errors.CrmErrorKind.Unavailable);
        error.Message.ShouldContain("/secret");
        error.Message.ShouldNotContain("x!");
        (await QueryAsync("contact", "channel_user_key eq 'pipe:u6'")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("79161234567", "+79161234567")]
    [InlineData("8 (916) 123-45-67", "+79161234567")]
    [InlineData("+7 916 123 45 67", "+79161234567")]
    [InlineData("12", null)]
    [InlineData(null, null)]
    public void Phones_are_normalized_to_E164(string? raw, string? expected) => ChannelInbox.Phone(raw).ShouldBe(expected);

    private Task<ChannelWebhookOutcome> ReceiveAsync(string body) =>
        _host.Services.GetRequiredService<ChannelHost>().ReceiveAsync(Request("pipe-1", body), CancellationToken.None);

    private ChannelWebhookRequest Request(string instance, string body, string secret = "s3cret") => new()
    {
        InstanceId = instance,
        Method = "POST",
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Secret"] = secret },
        Query = new Dictionary<string, string>(),
        Body = Encoding.UTF8.GetBytes(body),
        Services = _host.Services,
    };

    private async Task<IReadOnlyList<CrmRecord>> QueryAsync(string entity, string filter) =>
        (await _host.Records.QueryAsync(CrmTestHost.User, entity, new RecordQuery { Filter = filter, Limit = 100 })).Items;

    /// <summary>A channel as small as a channel gets: a secret header, a pipe-separated body.</summary>
    private sealed class PipeChannel : IMessageChannel
    {
        public const string Type = "pipe";

        public MessageChannelDescriptor Descriptor { get; } = new(Type, LocalizedText.Of("Pipe", "Труба"), new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("secret"),
            ["properties"] = new JsonObject { ["secret"] = new JsonObject { ["type"] = "string", ["minLength"] = 3, ["writeOnly"] = true } },
        });

        public Task<ChannelWebhookResult> HandleWebhookAsync(ChannelWebhookContext context, CancellationToken cancellationToken)
        {
            if (context.Headers["X-Secret"] != (string?)context.Settings["secret"])
            {
                return Task.FromResult(ChannelWebhookResult.Reject(403));
            }

            var parts = Encoding.UTF8.GetString(context.Body.Span).Split('|');
            return Task.FromResult(ChannelWebhookResult.Accept([new InboundMessage
            {
                ChannelType = Type,
                ChannelInstanceId = context.InstanceId,
                ExternalMessageId = parts[1],
                ConversationId = parts[0],
                Sender = new MessageSender { ExternalUserId = parts[0], DisplayName = parts[0], Phone = parts.Length > 3 ? parts[3] : null },
                Text = parts[2],
                ReceivedAt = context.ReceivedAt,
                Raw = [],
            }]));
        }

        public Task<OutboundMessageResult> SendAsync(ChannelSendContext context, CancellationToken cancellationToken) =>
            Task.FromResult(OutboundMessageResult.Failed("no", retryable: false));
    }
}
