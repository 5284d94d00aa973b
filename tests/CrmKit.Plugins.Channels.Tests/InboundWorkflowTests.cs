using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmKit.Plugins.Channels.Tests.Infrastructure;

namespace CrmKit.Plugins.Channels.Tests;

/// <summary>The <c>message.inbound</c> trigger and the <c>send_message</c> action through a configured instance.</summary>
public sealed class InboundWorkflowTests(ChannelFixture fixture) : IClassFixture<ChannelFixture>
{
    [Fact]
    public async Task An_inbound_telegram_message_starts_a_workflow_that_replies_through_the_same_bot_once()
    {
        using var admin = fixture.Server.Admin();
        var saved = await admin.PutAsJsonAsync("/api/workflows/telegram-auto-reply", JsonNode.Parse("""
            {"name": "telegram-auto-reply", "enabled": true,
             "trigger": {"type": "message.inbound", "channel": "telegram"},
             "steps": [{"id": "reply", "action": "send_message",
                        "parameters": {"channel": "telegram", "instance": "tg", "to": "{{ extra.event.conversationId }}",
                                       "text": "Спасибо, {{ extra.event.sender.displayName }}! Менеджер ответит в течение часа."}}]}
            """));
        saved.IsSuccessStatusCode.ShouldBeTrue(await saved.Content.ReadAsStringAsync());

        var update = Payloads.Load("telegram/update-modern-private-text.AUTHORED.json");
        update["update_id"] = 910_001;
        update["message"]!["from"]!["id"] = 5_100_001;
        update["message"]!["chat"]!["id"] = 5_100_001;
        using var telegram = fixture.Server.Anonymous();
        for (var i = 0; i < 2; i++)
        {
            var response = await telegram.PostWebhookAsync("tg", update.ToJsonString(), headers: ("X-Telegram-Bot-Api-Secret-Token", ChannelServer.TelegramSecret));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join('\n', fixture.Server.Errors.Lines));
        }

        FakeRequest? reply = null;
        for (var attempt = 0; attempt < 200 && reply is null; attempt++)
        {
            reply = fixture.BotApi.Requests.FirstOrDefault(r => r.Body.Contains("5100001", StringComparison.Ordinal));
            if (reply is null)
            {
                await Task.Delay(50);
            }
        }

        reply.ShouldNotBeNull(await admin.GetStringAsync("/api/workflows/telegram-auto-reply/runs") + string.Join('\n', fixture.Server.Errors.Lines));
        JsonNode.Parse(reply.Body)!["text"]!.GetValue<string>().ShouldBe("Спасибо, Иван Петров! Менеджер ответит в течение часа.");
        var runs = JsonNode.Parse(await admin.GetStringAsync("/api/workflows/telegram-auto-reply/runs"))!;
        ((runs["items"] as JsonArray) ?? runs.AsArray()).Count.ShouldBe(1, "the replayed update starts no second run");
    }
}
