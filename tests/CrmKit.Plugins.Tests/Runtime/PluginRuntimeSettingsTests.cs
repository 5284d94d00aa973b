using System.Text.Json.Nodes;
using CrmKit.Core.Plugins;
using CrmKit.Core.Settings;
using CrmKit.Plugins.Tests.Loading;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.Tests.Runtime;

public sealed class PluginRuntimeSettingsTests
{
    [Fact]
    public async Task Settings_ShouldBeValidatedOnSave_ReadByThePlugin_AndHideTheSecret()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            await using var host = await PluginTestHost.StartAsync(root, o => o.AddInCode(new SettingsModule(), SettingsModule.Manifest));
            var settings = host.Services.GetRequiredService<IModuleSettingsService>();

            (await ReadAsync(host))["greeting"]!.GetValue<string>().ShouldBe("Hello");
            var invalid = await Should.ThrowAsync<CrmException>(() => settings.SaveAsync(
                SettingsModule.PluginId, new JsonObject { ["greeting"] = new string('x', 21) }, null, PluginTestHost.User, CancellationToken.None));
            invalid.Code.ShouldBe("settings.invalid");
            invalid.Errors.ShouldContain(e => e.Pointer == "/greeting");

            var saved = await settings.SaveAsync(SettingsModule.PluginId,
                new JsonObject { ["greeting"] = "Hi", ["token"] = "s3cret" }, null, PluginTestHost.User, CancellationToken.None);

            saved.Values.ContainsKey("token").ShouldBeFalse();
            saved.SecretsSet.ShouldBe(["token"]);
            var current = await ReadAsync(host);
            current["greeting"]!.GetValue<string>().ShouldBe("Hi");
            current["token"]!.GetValue<string>().ShouldBe("s3cret");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Disable_ShouldSurviveARestart()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.Base);
        try
        {
            await using (var first = await PluginTestHost.StartAsync(root))
            {
                await first.Plugins.DisableAsync("fixture.base", CancellationToken.None);
            }

            await using (var second = await PluginTestHost.StartAsync(root))
            {
                second.Status("fixture.base").State.ShouldBe(PluginState.Disabled);
                await second.Plugins.EnableAsync("fixture.base", CancellationToken.None);
            }

            await using var third = await PluginTestHost.StartAsync(root);
            third.Status("fixture.base").State.ShouldBe(PluginState.Loaded);
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    private static async Task<JsonObject> ReadAsync(PluginTestHost host)
    {
        host.Extensions.TryGet<IWorkflowAction>("test.settings.read", out var action).ShouldBeTrue();
        var result = await action.ExecuteAsync(new WorkflowActionContext
        {
            WorkflowId = "test",
            WorkflowVersion = 1,
            RunId = Guid.NewGuid(),
            StepId = "step",
            Principal = PluginTestHost.User,
            Parameters = [],
            IdempotencyKey = Guid.NewGuid().ToString(),
            Attempt = 1,
            Services = host.Services,
        }, CancellationToken.None);
        return result.Output.ShouldNotBeNull();
    }
}
