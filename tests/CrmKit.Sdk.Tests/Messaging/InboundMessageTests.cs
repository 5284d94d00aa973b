using System.Text.Json.Nodes;
using CrmKit.Sdk.Messaging;

namespace CrmKit.Sdk.Tests.Messaging;

public class InboundMessageTests
{
    private static InboundMessage TelegramContact() => new()
    {
        ChannelType = "telegram",
        ChannelInstanceId = "sales-bot",
        ExternalMessageId = "123456790",
        ConversationId = "987654321",
        Sender = new MessageSender
        {
            ExternalUserId = "987654321",
            DisplayName = "Иван Петров",
            Username = "ivan_petrov",
            Phone = "79161234567",
            LanguageCode = "ru",
        },
        LeadSource = "spring_promo",
        ReceivedAt = DateTimeOffset.FromUnixTimeSeconds(1736935860),
        Raw = new JsonObject { ["update_id"] = 123456790 },
    };

    [Fact]
    public void ToJson_ShouldWriteNormalizedMembers()
    {
        var json = TelegramContact().ToJson();

        var expected = JsonNode.Parse("""
            {
              "channelType": "telegram",
              "channelInstanceId": "sales-bot",
              "externalMessageId": "123456790",
              "conversationId": "987654321",
              "sender": {
                "externalUserId": "987654321",
                "displayName": "Иван Петров",
                "username": "ivan_petrov",
                "phone": "79161234567",
                "languageCode": "ru"
              },
              "leadSource": "spring_promo",
              "fields": {},
              "receivedAt": "2025-01-15T10:11:00.0000000Z"
            }
            """);
        JsonNode.DeepEquals(json, expected).ShouldBeTrue(json.ToJsonString());
    }

    [Fact]
    public void ToJson_ShouldWriteFormFields_AndLeaveOutRaw()
    {
        var message = new InboundMessage
        {
            ChannelType = "vk",
            ChannelInstanceId = "club1",
            ExternalMessageId = "evt-1",
            Sender = new MessageSender { ExternalUserId = "42" },
            Fields = new Dictionary<string, string> { ["phone_number"] = "+79161234567", ["custom_0"] = "Да" },
            ReceivedAt = new DateTimeOffset(2025, 1, 15, 13, 0, 0, TimeSpan.FromHours(3)),
            Raw = new JsonObject { ["secret"] = "never-copied" },
        };

        var json = message.ToJson();

        ((string?)json["fields"]!["custom_0"]).ShouldBe("Да");
        ((string?)json["receivedAt"]).ShouldBe("2025-01-15T10:00:00.0000000Z");
        json.ContainsKey("raw").ShouldBeFalse();
        json.ContainsKey("text").ShouldBeFalse();
        json.ContainsKey("conversationId").ShouldBeFalse();
        json["sender"]!.AsObject().Select(p => p.Key).ShouldBe(["externalUserId"]);
    }

    [Fact]
    public void ToJson_ShouldReturnNewObjectEachTime()
    {
        var message = TelegramContact();

        message.ToJson().ShouldNotBeSameAs(message.ToJson());
    }
}
