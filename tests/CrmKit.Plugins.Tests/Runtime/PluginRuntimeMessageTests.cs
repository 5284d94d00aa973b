using CrmKit.Core.Plugins;
using CrmKit.Sdk.Errors;

namespace CrmKit.Plugins.Tests.Runtime;

public sealed class PluginRuntimeMessageTests
{
    [Fact]
    public async Task Message_ShouldBeSentWhileItsPluginIsLoaded_AndBeNotFoundWhenDisabled()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            await using var host = await PluginTestHost.StartAsync(root, o => o.AddInCode(new GreetMessageModule(), GreetMessageModule.Manifest));
            host.Status(GreetMessageModule.PluginId).Registered.ShouldContain("record-message:" + GreetMessageModule.Message);
            var ann = await host.CreateAsync("contact", """{"first_name": "Ann"}""");

            var output = await host.Records.SendMessageAsync(PluginTestHost.User, "contact", ann.Id, GreetMessageModule.Message, []);
            output!["text"]!.GetValue<string>().ShouldBe("hello Ann");

            await host.Plugins.DisableAsync(GreetMessageModule.PluginId, CancellationToken.None);

            var e = await Should.ThrowAsync<CrmException>(() =>
                host.Records.SendMessageAsync(PluginTestHost.User, "contact", ann.Id, GreetMessageModule.Message, []));
            e.Code.ShouldBe("record.message_not_found");

            await host.Plugins.EnableAsync(GreetMessageModule.PluginId, CancellationToken.None);

            (await host.Records.SendMessageAsync(PluginTestHost.User, "contact", ann.Id, GreetMessageModule.Message, []))
                .ShouldNotBeNull()["text"]!.GetValue<string>().ShouldBe("hello Ann");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Message_ShouldConflict_WhenASecondPluginClaimsItsName()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            await using var host = await PluginTestHost.StartAsync(root, o => o
                .AddInCode(new GreetMessageModule(), GreetMessageModule.Manifest)
                .AddInCode(new RivalMessageModule(), RivalMessageModule.Manifest));

            host.Status(GreetMessageModule.PluginId).State.ShouldBe(PluginState.Loaded);
            var rival = host.Status(RivalMessageModule.PluginId);
            rival.State.ShouldBe(PluginState.Failed);
            rival.ReasonCode.ShouldBe("plugin.conflict");
            rival.Reason.ShouldNotBeNull().ShouldContain("record-message:" + GreetMessageModule.Message);
            var ann = await host.CreateAsync("contact", """{"first_name": "Ann"}""");
            (await host.Records.SendMessageAsync(PluginTestHost.User, "contact", ann.Id, GreetMessageModule.Message, []))
                .ShouldNotBeNull()["text"]!.GetValue<string>().ShouldBe("hello Ann");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }
}
