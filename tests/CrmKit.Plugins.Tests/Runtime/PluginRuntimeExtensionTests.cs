using System.Text.Json.Nodes;
using CrmKit.Core.Plugins;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Plugins.Tests.Runtime;

public sealed class PluginRuntimeExtensionTests
{
    [Fact]
    public async Task Hook_ShouldRunWhileItsPluginIsLoaded_AndStopWhenDisabled()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            await using var host = await PluginTestHost.StartAsync(root, o => o.AddInCode(new GreetingModule(), GreetingModule.Manifest));
            host.Status(GreetingModule.PluginId).Registered.ShouldContain("record-hook:test.greeting.default-position");

            (await host.CreateAsync("contact", """{"first_name": "Ann"}""")).Values["position"]!.GetValue<string>().ShouldBe("greeted");

            await host.Plugins.DisableAsync(GreetingModule.PluginId, CancellationToken.None);

            (await host.CreateAsync("contact", """{"first_name": "Bob"}""")).Values.ContainsKey("position").ShouldBeFalse();
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Decorator_ShouldWrapTheOriginal_AndTheOriginalReturnsWhenTheDecoratorIsDisabled()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            await using var host = await PluginTestHost.StartAsync(root, o => o
                .AddInCode(new GreetingModule(), GreetingModule.Manifest)
                .AddInCode(new LoudGreetingModule(), LoudGreetingModule.Manifest));
            host.Status(LoudGreetingModule.PluginId).State.ShouldBe(PluginState.Loaded);

            (await GreetAsync(host)).ShouldBe("HELLO!");

            await host.Plugins.DisableAsync(LoudGreetingModule.PluginId, CancellationToken.None);

            (await GreetAsync(host)).ShouldBe("hello");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    private static async Task<string> GreetAsync(PluginTestHost host)
    {
        host.Extensions.TryGet<IWorkflowAction>("test.greet", out var action).ShouldBeTrue();
        var result = await action.ExecuteAsync(new WorkflowActionContext
        {
            WorkflowId = "test",
            WorkflowVersion = 1,
            RunId = Guid.NewGuid(),
            StepId = "step",
            Principal = PluginTestHost.User,
            Parameters = new JsonObject(),
            IdempotencyKey = Guid.NewGuid().ToString(),
            Attempt = 1,
            Services = host.Services,
        }, CancellationToken.None);
        return result.Output!["text"]!.GetValue<string>();
    }
}
