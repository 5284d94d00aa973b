using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmKit.Plugins.Channels.Tests.Infrastructure;

namespace CrmKit.Plugins.Channels.Tests;

/// <summary>The Telegram channel through the stock server: the saved updates and variants of them.</summary>
public sealed class TelegramTests(ChannelFixture fixture) : IClassFixture<ChannelFixture>
{
    private readonly ChannelServer _server = fixture.Server;

    [Fact]
    public async Task A_text_message_creates_a_contact_a_lead_and_a_timeline_activity_and_a_replay_is_stored_once()
    {
        var update = WithUser(Payloads.Load("telegram/update-modern-private-text.AUTHORED.json"), 5_000_001, 900_001);
        using var telegram = _server.Anonymous();
        for (var i = 0; i < 2; i++)
        {
            var response = await telegram.PostWebhookAsync("tg", update.ToJsonString(), headers: (TelegramSecretHeader, ChannelServer.TelegramSecret));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync() + string.Join('\n', _server.Errors.Lines));
        }

        using var admin = _server.Admin();
        var contacts = await admin.ListAsync("contact", "channel_user_key eq 'telegram:5000001'");
        contacts.Count.ShouldBe(1);
        contacts[0]["first_name"]!.GetValue<string>().ShouldBe("Иван Петров");
        contacts[0]["source"]!.GetValue<string>().ShouldBe("telegram");
        var leads = await admin.ListAsync("lead", $"contact eq '{contacts[0].Id()}'");
        leads.Count.ShouldBe(1);
        leads[0]["status"]!.GetValue<string>().ShouldBe("new");
        leads[0]["channel_instance"]!.GetValue<string>().ShouldBe("tg");
        var activities = await admin.ListAsync("activity", $"lead eq '{leads[0].Id()}'");
        activities.Count.ShouldBe(1, "the replayed update is stored once");
        activities[0]["type"]!.GetValue<string>().ShouldBe("message");
        activities[0]["direction"]!.GetValue<string>().ShouldBe("inbound");
        activities[0]["contact"]!.GetValue<string>().ShouldBe(contacts[0].Id());
        activities[0]["description"]!.GetValue<string>().ShouldStartWith("Здравствуйте! Интересует CRM");
        activities[0]["conversation_id"]!.GetValue<string>().ShouldBe("5000001");
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_forged_update_is_refused_and_stores_nothing(string? secret)
    {
        var update = WithUser(Payloads.Load("telegram/update-modern-private-text.AUTHORED.json"), 5_000_002, 900_002);
        using var telegram = _server.Anonymous();
        var response = secret is null
            ? await telegram.PostWebhookAsync("tg", update.ToJsonString())
            : await telegram.PostWebhookAsync("tg", update.ToJsonString(), headers: (TelegramSecretHeader, secret));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = _server.Admin();
        (await admin.ListAsync("contact", "channel_user_key eq 'telegram:5000002'")).ShouldBeEmpty();
        (await admin.ListAsync("activity", "channel_message_key eq 'telegram:tg:900002'")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_shared_contact_gives_the_contact_and_the_open_lead_a_phone_and_a_later_phone_match_finds_the_contact()
    {
        using var telegram = _server.Anonymous();
        await PostAsync(telegram, WithUser(Payloads.Load("telegram/update-modern-private-text.AUTHORED.json"), 5_000_003, 900_003));
        var shared = WithUser(Payloads.Load("telegram/update-modern-contact-shared.AUTHORED.json"), 5_000_003, 900_004);
        shared["message"]!["contact"]!["phone_number"] = "79161110003";
        await PostAsync(telegram, shared);

        using var admin = _server.Admin();
        var contact = (await admin.ListAsync("contact", "channel_user_key eq 'telegram:5000003'")).ShouldHaveSingleItem();
        contact["phone"]!.GetValue<string>().ShouldBe("+79161110003");
        var lead = (await admin.ListAsync("lead", $"contact eq '{contact.Id()}'")).ShouldHaveSingleItem("the second message attaches to the open lead");
        lead["phone"]!.GetValue<string>().ShouldBe("+79161110003");
        var activities = await admin.ListAsync("activity", $"lead eq '{lead.Id()}'");
        activities.Count.ShouldBe(2);
        activities.ShouldContain(a => (string)a["subject"]! == "Contact shared: 79161110003");
    }

    [Fact]
    public async Task A_contact_someone_else_shares_does_not_become_the_senders_phone()
    {
        using var telegram = _server.Anonymous();
        var shared = WithUser(Payloads.Load("telegram/update-modern-contact-shared.AUTHORED.json"), 5_000_004, 900_005);
        shared["message"]!["contact"]!["user_id"] = 42;
        await PostAsync(telegram, shared);

        using var admin = _server.Admin();
        var contact = (await admin.ListAsync("contact", "channel_user_key eq 'telegram:5000004'")).ShouldHaveSingleItem();
        contact["phone"].ShouldBeNull();
    }

    [Fact]
    public async Task A_start_deep_link_records_the_lead_source_and_the_official_guide_update_is_accepted()
    {
        using var telegram = _server.Anonymous();
        var start = Payloads.Load("telegram/update-official-webhook-guide-text.json");
        start["update_id"] = 900_006;
        start["message"]!["from"]!["id"] = 5_000_005;
        start["message"]!["chat"]!["id"] = 5_000_005;
        start["message"]!["text"] = "/start promo_spring-2026";
        await PostAsync(telegram, start);

        using var admin = _server.Admin();
        var contact = (await admin.ListAsync("contact", "channel_user_key eq 'telegram:5000005'")).ShouldHaveSingleItem();
        contact["first_name"]!.GetValue<string>().ShouldBe("Test Firstname Test Lastname");
        var lead = (await admin.ListAsync("lead", $"contact eq '{contact.Id()}'")).ShouldHaveSingleItem();
        lead["source_detail"]!.GetValue<string>().ShouldBe("promo_spring-2026");
        lead["source"]!.GetValue<string>().ShouldBe("telegram");
    }

    [Fact]
    public async Task An_update_without_a_message_is_acknowledged_and_ignored()
    {
        using var telegram = _server.Anonymous();
        var callback = Payloads.Load("telegram/update-official-webhook-guide-callback-query.json");
        var response = await telegram.PostWebhookAsync("tg", callback.ToJsonString(), headers: (TelegramSecretHeader, ChannelServer.TelegramSecret));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join('\n', _server.Errors.Lines));
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_is_a_400_and_an_unknown_instance_a_404()
    {
        using var telegram = _server.Anonymous();
        (await telegram.PostWebhookAsync("tg", "{not json", headers: (TelegramSecretHeader, ChannelServer.TelegramSecret)))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var missing = await telegram.PostWebhookAsync("nope", "{}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("channel.not_found");
    }

    [Fact]
    public async Task A_reply_goes_out_through_the_bot_api_and_lands_on_the_timeline()
    {
        using var telegram = _server.Anonymous();
        await PostAsync(telegram, WithUser(Payloads.Load("telegram/update-modern-private-text.AUTHORED.json"), 5_000_006, 900_007));
        using var admin = _server.Admin();
        var contact = (await admin.ListAsync("contact", "channel_user_key eq 'telegram:5000006'")).ShouldHaveSingleItem();
        var lead = (await admin.ListAsync("lead", $"contact eq '{contact.Id()}'")).ShouldHaveSingleItem();

        var response = await admin.PostAsJsonAsync("/api/channels/tg/messages", new JsonObject
        {
            ["to"] = "5000006", ["text"] = "Здравствуйте! Пришлём предложение сегодня.", ["lead"] = lead.Id(), ["replyTo"] = "42",
        });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body + string.Join('\n', _server.Errors.Lines));
        JsonNode.Parse(body)!["messageId"]!.GetValue<string>().ShouldBe("777");

        var sent = fixture.BotApi.Requests.Last(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal));
        sent.Path.ShouldBe($"/bot{ChannelServer.BotToken}/sendMessage");
        var payload = JsonNode.Parse(sent.Body)!;
        payload["chat_id"]!.ToJsonString().Trim('"').ShouldBe("5000006");
        payload["text"]!.GetValue<string>().ShouldBe("Здравствуйте! Пришлём предложение сегодня.");
        payload["reply_parameters"]!["message_id"]!.GetValue<int>().ShouldBe(42);

        var outbound = await admin.ListAsync("activity", $"lead eq '{lead.Id()}' and direction eq 'outbound'");
        outbound.ShouldHaveSingleItem()["description"]!.GetValue<string>().ShouldBe("Здравствуйте! Пришлём предложение сегодня.");
    }

    [Fact]
    public async Task A_bot_api_refusal_is_a_502_and_records_no_outbound_activity()
    {
        var normal = fixture.BotApi.Reply;
        fixture.BotApi.Reply = _ => """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""";
        fixture.BotApi.Status = 403;
        try
        {
            using var admin = _server.Admin();
            var response = await admin.PostAsJsonAsync("/api/channels/tg/messages", new JsonObject { ["to"] = "5000099", ["text"] = "Алло?" });
            response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
            var problem = await response.Content.ReadAsStringAsync();
            problem.ShouldContain("channel.send_failed");
            problem.ShouldContain("bot was blocked by the user", Case.Sensitive, problem);
            (await admin.ListAsync("activity", "conversation_id eq '5000099'")).ShouldBeEmpty();
        }
        finally
        {
            fixture.BotApi.Reply = normal;
            fixture.BotApi.Status = 200;
        }
    }

    [Fact]
    public async Task Sending_needs_credentials()
    {
        using var anonymous = _server.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/channels/tg/messages", new JsonObject { ["to"] = "1", ["text"] = "x" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private const string TelegramSecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private async Task PostAsync(HttpClient telegram, JsonObject update)
    {
        var response = await telegram.PostWebhookAsync("tg", update.ToJsonString(), headers: (TelegramSecretHeader, ChannelServer.TelegramSecret));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync() + string.Join('\n', _server.Errors.Lines));
    }

    /// <summary>The update with its own sender, chat and update id, so tests sharing a server do not meet.</summary>
    private static JsonObject WithUser(JsonObject update, long user, long updateId)
    {
        update["update_id"] = updateId;
        var message = update["message"]!;
        message["from"]!["id"] = user;
        message["chat"]!["id"] = user;
        if (message["contact"] is JsonObject contact)
        {
            contact["user_id"] = user;
        }

        return update;
    }
}
