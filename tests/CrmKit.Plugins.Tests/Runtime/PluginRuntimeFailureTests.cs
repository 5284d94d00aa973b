using CrmKit.Core.Plugins;
using CrmKit.Plugins.Tests.Loading;

namespace CrmKit.Plugins.Tests.Runtime;

public sealed class PluginRuntimeFailureTests
{
    [Fact]
    public async Task Start_ShouldMarkFailed_WhenConfigureThrows_AndKeepServing()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.Throwing, FixturePlugins.JsonNew);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root);

            var failed = host.Status("fixture.throwing");
            failed.State.ShouldBe(PluginState.Failed);
            failed.ReasonCode.ShouldBe("plugin.configure_failed");
            failed.Registered.ShouldBeEmpty();
            host.Status("fixture.json-new").State.ShouldBe(PluginState.Loaded);
            (await host.CreateAsync("contact", """{"first_name": "Ann", "last_name": "Lee"}""")).Id.ShouldNotBe(Guid.Empty);
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldMarkFailed_WhenConfigureHangsPastTheTimeout()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.Hanging, FixturePlugins.Base);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root, o => o.StartTimeout = TimeSpan.FromMilliseconds(500));

            var hanging = host.Status("fixture.hanging");
            hanging.State.ShouldBe(PluginState.Failed);
            hanging.ReasonCode.ShouldBe("plugin.start_timeout");
            host.Status("fixture.base").State.ShouldBe(PluginState.Loaded);
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldMarkFailed_WhenTheAssemblyIsCorrupt()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.Base);
        try
        {
            var folder = PluginTestHost.CopyFixture(root, FixturePlugins.JsonNew);
            await File.WriteAllBytesAsync(Path.Combine(folder, "Fixture.JsonNew.dll"), [0x4D, 0x5A, 0x00, 0x01, 0x02, 0xFF]);

            await using var host = await PluginTestHost.StartAsync(root);

            var corrupt = host.Status("fixture.json-new");
            corrupt.State.ShouldBe(PluginState.Failed);
            corrupt.ReasonCode.ShouldBe("plugin.assembly_corrupt");
            host.Status("fixture.base").State.ShouldBe(PluginState.Loaded);
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldMarkFailed_WhenAPrivateDependencyFileIsMissing()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            var folder = PluginTestHost.CopyFixture(root, FixturePlugins.JsonOld);
            File.Delete(Path.Combine(folder, "Newtonsoft.Json.dll"));

            await using var host = await PluginTestHost.StartAsync(root);

            var status = host.Status("fixture.json-old");
            status.State.ShouldBe(PluginState.Failed);
            status.ReasonCode.ShouldBe("plugin.files_missing");
            status.Reason.ShouldNotBeNull().ShouldContain("Newtonsoft.Json.dll");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldMarkFailed_WhenTheManifestIsInvalid_NamingTheFolder()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.Base);
        try
        {
            var folder = Path.Combine(root, "plugins", "broken");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "crmkit-plugin.json"), """{"id": "Not Valid", "version": "1.0.0", "sdk": "[0.1,1.0)"}""");

            await using var host = await PluginTestHost.StartAsync(root);

            var broken = host.Status("broken");
            broken.State.ShouldBe(PluginState.Failed);
            broken.ReasonCode.ShouldNotBeNull().ShouldStartWith("plugin.manifest");
            broken.Source.ShouldBe(folder);
            host.Status("fixture.base").State.ShouldBe(PluginState.Loaded);
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldBlock_APluginBuiltForAnotherSdkMajor()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.SdkNext, FixturePlugins.Base);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root);

            var next = host.Status("fixture.sdk-next");
            next.State.ShouldBe(PluginState.Blocked);
            next.ReasonCode.ShouldBe("plugin.sdk_incompatible");
            host.Status("fixture.base").State.ShouldBe(PluginState.Loaded);
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldMarkFailed_APluginWhoseManifestHidesAnotherSdkMajor()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            var folder = PluginTestHost.CopyFixture(root, FixturePlugins.SdkNext);
            var manifest = Path.Combine(folder, "crmkit-plugin.json");
            await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("[99.0.0, 100.0.0)", "[0.1.0, 1.0.0)", StringComparison.Ordinal));

            await using var host = await PluginTestHost.StartAsync(root);

            var next = host.Status("fixture.sdk-next");
            next.State.ShouldBe(PluginState.Failed);
            next.ReasonCode.ShouldBe("plugin.sdk_incompatible");
            next.Reason.ShouldNotBeNull().ShouldContain("99.0.0");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }
}
