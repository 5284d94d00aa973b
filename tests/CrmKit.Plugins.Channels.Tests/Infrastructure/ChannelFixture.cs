using System.Text.Json.Nodes;

namespace CrmKit.Plugins.Channels.Tests.Infrastructure;

/// <summary>One server and the two fake APIs, shared by the tests of a class; each test uses its own user ids.</summary>
public sealed class ChannelFixture : IAsyncLifetime
{
    public FakeApi BotApi { get; private set; } = null!;

    public FakeApi VkApi { get; private set; } = null!;

    public ChannelServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BotApi = await FakeApi.StartAsync(request => new JsonObject
        {
            ["ok"] = true,
            ["result"] = new JsonObject
            {
                ["message_id"] = 777, ["date"] = 1736935900,
                ["chat"] = new JsonObject { ["id"] = 987654321, ["type"] = "private" },
                ["text"] = "reply",
            },
        }.ToJsonString());
        VkApi = await FakeApi.StartAsync(_ => """{"response":555}""");
        Server = new ChannelServer(BotApi.BaseUrl, VkApi.BaseUrl);
        await Server.CreateServiceAccountAsync();
    }

    public async Task DisposeAsync()
    {
        Server.Dispose();
        await BotApi.DisposeAsync();
        await VkApi.DisposeAsync();
    }
}
