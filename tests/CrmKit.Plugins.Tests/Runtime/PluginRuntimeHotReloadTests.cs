using System.Runtime.CompilerServices;
using CrmKit.Core.Plugins;
using CrmKit.Plugins.Tests.Loading;
using CrmKit.Sdk.Errors;

namespace CrmKit.Plugins.Tests.Runtime;

public sealed class PluginRuntimeHotReloadTests
{
    [Fact]
    public async Task Disable_ShouldUnloadTheContext_AndANewerBuildThenLoadsInTheSameProcess()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            PluginTestHost.CopyFixture(root, FixturePlugins.HotV1, "fixture.hot");
            await using var host = await PluginTestHost.StartAsync(root);
            host.Status("fixture.hot").Version.ShouldBe("1.0.0");
            DisplayNameOfHotScore(host).ShouldBe("Hot score 1.0.0");

            var disabled = await host.Plugins.DisableAsync("fixture.hot", CancellationToken.None);

            disabled.State.ShouldBe(PluginState.Disabled);
            host.FieldTypes.TryGet("fixture.hot_score", out _).ShouldBeFalse();
            IsCollected(host.Runtime.LastUnloaded.ShouldNotBeNull()).ShouldBeTrue("the plugin's load context was not collected");

            PluginTestHost.CopyFixture(root, FixturePlugins.HotV2, "fixture.hot");
            var enabled = await host.Plugins.EnableAsync("fixture.hot", CancellationToken.None);

            enabled.State.ShouldBe(PluginState.Loaded);
            enabled.Version.ShouldBe("2.0.0");
            enabled.Registered.ShouldContain("field:contact.hot_level");
            DisplayNameOfHotScore(host).ShouldBe("Hot score 2.0.0");
            host.Metadata.GetEntity("contact").FindField("hot_level").ShouldNotBeNull().Owner.ShouldBe("fixture.hot");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Disable_ShouldKeepTheFieldAndItsValues_ReadOnly_UntilEnabledAgain()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            PluginTestHost.CopyFixture(root, FixturePlugins.HotV1, "fixture.hot");
            await using var host = await PluginTestHost.StartAsync(root);
            var ann = await host.CreateAsync("contact", """{"first_name": "Ann", "last_name": "Lee", "hot_score": 7}""");

            await host.Plugins.DisableAsync("fixture.hot", CancellationToken.None);

            var read = (await host.Records.GetAsync(PluginTestHost.User, "contact", ann.Id)).ShouldNotBeNull();
            read.Values["hot_score"]!.GetValue<long>().ShouldBe(7);
            host.Metadata.GetEntity("contact").FindField("hot_score").ShouldNotBeNull();
            var refused = await Should.ThrowAsync<CrmException>(
                () => host.CreateAsync("contact", """{"first_name": "Bob", "last_name": "Ray", "hot_score": 3}"""));
            refused.Errors.ShouldContain(e => e.Code == "field.type_unavailable" && e.Pointer == "/hot_score");
            (await host.CreateAsync("contact", """{"first_name": "Cid", "last_name": "Ray"}""")).Id.ShouldNotBe(Guid.Empty);

            await host.Plugins.EnableAsync("fixture.hot", CancellationToken.None);

            (await host.CreateAsync("contact", """{"first_name": "Bob", "last_name": "Ray", "hot_score": 3}"""))
                .Values["hot_score"]!.GetValue<long>().ShouldBe(3);
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Restart_ShouldKeepAStoredFieldReadable_WhenItsPluginIsGone()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            var folder = PluginTestHost.CopyFixture(root, FixturePlugins.HotV1, "fixture.hot");
            Guid id;
            await using (var first = await PluginTestHost.StartAsync(root))
            {
                id = (await first.CreateAsync("contact", """{"first_name": "Ann", "last_name": "Lee", "hot_score": 7}""")).Id;
            }

            Directory.Delete(folder, recursive: true);
            await using var second = await PluginTestHost.StartAsync(root);

            second.Plugins.Find("fixture.hot").ShouldBeNull();
            (await second.Records.GetAsync(PluginTestHost.User, "contact", id)).ShouldNotBeNull().Values["hot_score"]!.GetValue<long>().ShouldBe(7);
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Watcher_ShouldLoadAPluginPublishedIntoTheFolderWhileRunning()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            await using var host = await PluginTestHost.StartAsync(root, watch: true);
            host.Plugins.List().ShouldBeEmpty();

            PluginTestHost.CopyFixture(root, FixturePlugins.Base);

            var status = await WaitForAsync(host, "fixture.base", PluginState.Loaded);
            status.Registered.ShouldContain("entity:fixture_item");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    private static async Task<PluginStatus> WaitForAsync(PluginTestHost host, string id, PluginState state)
    {
        // Polls until the watcher has acted; the bound only stops a broken watcher from hanging the run.
        for (var i = 0; i < 300; i++)
        {
            if (host.Plugins.Find(id) is { } status && status.State == state)
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException($"Plugin '{id}' did not reach {state}: {host.Plugins.Find(id)?.State.ToString() ?? "not found"}");
    }

    private static string DisplayNameOfHotScore(PluginTestHost host) =>
        host.FieldTypes.TryGet("fixture.hot_score", out var type) ? type.Descriptor.DisplayName.Get() : "(none)";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsCollected(WeakReference context)
    {
        for (var i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return !context.IsAlive;
    }
}
