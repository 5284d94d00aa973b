using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmKit.Plugins.Channels.Tests.Infrastructure;

namespace CrmKit.Plugins.Channels.Tests;

/// <summary>The VK Callback API channel through the stock server: the saved events and variants of them.</summary>
public sealed class VkTests(ChannelFixture fixture) : IClassFixture<ChannelFixture>
{
    private readonly ChannelServer _server = fixture.Server;

    [Fact]
    public async Task The_confirmation_handshake_answers_the_code_for_the_configured_group_only()
    {
        using var vk = _server.Anonymous();
        var confirmation = Payloads.Load("vk/callback-confirmation.AUTHORED.json");
        var response = await vk.PostWebhookAsync("vk", confirmation.ToJsonString());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(ChannelServer.VkConfirmation);

        confirmation["group_id"] = 1;
        (await vk.PostWebhookAsync("vk", confirmation.ToJsonString())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Message_new_becomes_a_lead_and_activity_answered_ok_and_a_replayed_event_is_stored_once()
    {
        var message = Variant(Payloads.Load("vk/callback-message_new-v5.199.AUTHORED.json"), 7_000_001, "evt-msg-1");
        message["object"]!["message"]!["ref"] = "vk-ads-spring";
        using var vk = _server.Anonymous();
        for (var i = 0; i < 2; i++)
        {
            var response = await vk.PostWebhookAsync("vk", message.ToJsonString());
            response.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join('\n', _server.Errors.Lines));
            (await response.Content.ReadAsStringAsync()).ShouldBe("ok");
        }

        using var admin = _server.Admin();
        var contact = (await admin.ListAsync("contact", "channel_user_key eq 'vk:7000001'")).ShouldHaveSingleItem();
        var lead = (await admin.ListAsync("lead", $"contact eq '{contact.Id()}'")).ShouldHaveSingleItem();
        lead["source"]!.GetValue<string>().ShouldBe("vk");
        lead["source_detail"]!.GetValue<string>().ShouldBe("vk-ads-spring");
        var activity = (await admin.ListAsync("activity", $"lead eq '{lead.Id()}'")).ShouldHaveSingleItem("the replay is stored once");
        activity["subject"]!.GetValue<string>().ShouldBe("Добрый день! Сколько стоит внедрение?");
        activity["channel_message_key"]!.GetValue<string>().ShouldBe("vk:vk:evt-msg-1");
    }

    [Theory]
    [InlineData("not_the_secret")]
    [InlineData(null)]
    public async Task An_event_with_a_bad_secret_is_refused_and_stores_nothing(string? secret)
    {
        var message = Variant(Payloads.Load("vk/callback-message_new-v5.199.AUTHORED.json"), 7_000_002, "evt-forged-" + (secret ?? "none"));
        if (secret is null)
        {
            message.Remove("secret");
        }
        else
        {
            message["secret"] = secret;
        }

        using var vk = _server.Anonymous();
        (await vk.PostWebhookAsync("vk", message.ToJsonString())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = _server.Admin();
        (await admin.ListAsync("contact", "channel_user_key eq 'vk:7000002'")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lead_form_becomes_a_lead_with_the_answers_and_the_form_as_its_source()
    {
        var form = Payloads.Load("vk/callback-lead_forms_new.AUTHORED.json");
        form["event_id"] = "evt-form-1";
        form["object"]!["user_id"] = 7_000_003;
        form["object"]!["answers"]![1]!["answer"] = "+7 916 333-00-03";
        using var vk = _server.Anonymous();
        var response = await vk.PostWebhookAsync("vk", form.ToJsonString());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join('\n', _server.Errors.Lines));

        using var admin = _server.Admin();
        var contact = (await admin.ListAsync("contact", "channel_user_key eq 'vk:7000003'")).ShouldHaveSingleItem();
        contact["first_name"]!.GetValue<string>().ShouldBe("Иван");
        contact["phone"]!.GetValue<string>().ShouldBe("+79163330003");
        var lead = (await admin.ListAsync("lead", $"contact eq '{contact.Id()}'")).ShouldHaveSingleItem();
        lead["source_detail"]!.GetValue<string>().ShouldBe("Заявка на демо");
        lead["phone"]!.GetValue<string>().ShouldBe("+79163330003");
        var activity = (await admin.ListAsync("activity", $"lead eq '{lead.Id()}'")).ShouldHaveSingleItem();
        activity["subject"]!.GetValue<string>().ShouldBe("Contact shared: +7 916 333-00-03");
        activity["description"]!.GetValue<string>().ShouldContain("custom_0: ООО Ромашка");
    }

    [Fact]
    public async Task The_legacy_message_shape_is_acknowledged_and_ignored()
    {
        var legacy = Payloads.Load("vk/callback-message_new-legacy-pre5.103.vksdk.json");
        legacy["group_id"] = long.Parse(ChannelServer.VkGroup, System.Globalization.CultureInfo.InvariantCulture);
        legacy["secret"] = ChannelServer.VkSecret;
        legacy["event_id"] = "evt-legacy-1";
        using var vk = _server.Anonymous();
        var response = await vk.PostWebhookAsync("vk", legacy.ToJsonString());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join('\n', _server.Errors.Lines));
        (await response.Content.ReadAsStringAsync()).ShouldBe("ok");
    }

    [Fact]
    public async Task A_reply_goes_out_through_messages_send_with_a_stable_random_id()
    {
        using var admin = _server.Admin();
        var request = new JsonObject { ["to"] = "7000004", ["text"] = "Спасибо за обращение!", ["idempotencyKey"] = "reply-1" };
        var response = await admin.PostAsJsonAsync("/api/channels/vk/messages", request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync() + string.Join('\n', _server.Errors.Lines));
        (await admin.PostAsJsonAsync("/api/channels/vk/messages", request)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var sends = fixture.VkApi.Requests.Where(r => r.Path == "/messages.send" && r.Body.Contains("peer_id=7000004", StringComparison.Ordinal)).ToList();
        sends.Count.ShouldBe(2);
        var form = Form(sends[0].Body);
        form["message"].ShouldBe("Спасибо за обращение!");
        form["access_token"].ShouldBe(ChannelServer.VkAccessToken);
        form["v"].ShouldBe("5.199");
        form["random_id"].ShouldBe(Form(sends[1].Body)["random_id"], "the same idempotency key gives VK the same random_id");
    }

    [Fact]
    public async Task A_vk_api_error_is_a_502_and_records_no_outbound_activity()
    {
        fixture.VkApi.Reply = _ => """{"error":{"error_code":901,"error_msg":"Can't send messages for users without permission"}}""";
        try
        {
            using var admin = _server.Admin();
            var response = await admin.PostAsJsonAsync("/api/channels/vk/messages", new JsonObject { ["to"] = "7000005", ["text"] = "x" });
            response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
            (await response.Content.ReadAsStringAsync()).ShouldContain("channel.send_failed");
            (await admin.ListAsync("activity", "conversation_id eq '7000005'")).ShouldBeEmpty();
        }
        finally
        {
            fixture.VkApi.Reply = _ => """{"response":555}""";
        }
    }

    private static Dictionary<string, string> Form(string body) => body.Split('&').Select(p => p.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    private static JsonObject Variant(JsonObject callback, long user, string eventId)
    {
        callback["event_id"] = eventId;
        callback["object"]!["message"]!["from_id"] = user;
        callback["object"]!["message"]!["peer_id"] = user;
        return callback;
    }
}
