using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Messaging;

namespace CrmKit.Sdk.Tests.Messaging;

public class ChannelResultTests
{
    [Fact]
    public void Accept_ShouldAnswer200WithMessages()
    {
        var message = new InboundMessage
        {
            ChannelType = "vk",
            ChannelInstanceId = "club1",
            ExternalMessageId = "evt-1",
            Sender = new MessageSender { ExternalUserId = "42" },
            Text = "Здравствуйте",
            ReceivedAt = DateTimeOffset.UnixEpoch,
            Raw = [],
        };

        var result = ChannelWebhookResult.Accept([message], "ok");

        result.StatusCode.ShouldBe(200);
        result.Body.ShouldBe("ok");
        result.ContentType.ShouldStartWith("text/plain");
        result.Messages.ShouldHaveSingleItem().ShouldBeSameAs(message);
    }

    [Fact]
    public void Reject_ShouldCarryNoMessages()
    {
        var result = ChannelWebhookResult.Reject();

        result.StatusCode.ShouldBe(403);
        result.Messages.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public void Reject_ShouldThrow_WhenStatusIsNotClientError(int statusCode)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ChannelWebhookResult.Reject(statusCode));
    }

    [Fact]
    public void Sent_ShouldCarryExternalId()
    {
        var result = OutboundMessageResult.Sent("5021");

        result.Succeeded.ShouldBeTrue();
        result.ExternalMessageId.ShouldBe("5021");
        result.Error.ShouldBeNull();
    }

    [Fact]
    public void Failed_ShouldCarryRetryAdvice()
    {
        var result = OutboundMessageResult.Failed("Too Many Requests: retry after 7", retryable: true, TimeSpan.FromSeconds(7));

        result.Succeeded.ShouldBeFalse();
        result.Retryable.ShouldBeTrue();
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        result.ToString().ShouldBe("Failed (retryable): Too Many Requests: retry after 7");
    }

    [Fact]
    public void Failed_ShouldDropRetryAfter_WhenNotRetryable()
    {
        OutboundMessageResult.Failed("Forbidden: bot was blocked by the user", retryable: false, TimeSpan.FromSeconds(7))
            .RetryAfter.ShouldBeNull();
    }

    [Fact]
    public void ChannelDescriptor_ShouldCopySettingsSchema()
    {
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["botToken"] = new JsonObject { ["type"] = "string", ["writeOnly"] = true } },
        };

        var descriptor = new MessageChannelDescriptor("telegram", LocalizedText.Of("Telegram"), schema);
        schema.Remove("properties");

        descriptor.GetSettingsSchema()["properties"]!["botToken"]!["writeOnly"]!.GetValue<bool>().ShouldBeTrue();
    }
}
