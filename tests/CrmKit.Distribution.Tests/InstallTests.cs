using CrmKit.Core.Plugins;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Tests.Infrastructure;
using CrmKit.Testing.Feeds;

namespace CrmKit.Distribution.Tests;

public sealed class InstallTests
{
    [Fact]
    public async Task Install_FromFlatFolderFeed_ResolvesTheDependencyByRange_AndLoadsWithoutRestart()
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base("1.0.0"), Fixtures.Base("1.1.0"), Fixtures.Base("2.0.0"), Fixtures.Dependent());
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);
        host.HasEntity("fixture_item").ShouldBeFalse();

        var plan = await host.InstallAsync(DistributionHost.Install("fixture.dependent"));

        plan.Steps.Select(s => (s.Id, s.Action, s.ToVersion, s.Requested)).ShouldBe(
        [
            ("fixture.base", PluginPackageAction.Install, "1.0.0", false),
            ("fixture.dependent", PluginPackageAction.Install, "1.0.0", true),
        ]);
        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
        host.Status("fixture.base")!.Version.ShouldBe("1.0.0");
        host.Status("fixture.dependent")!.State.ShouldBe(PluginState.Loaded);
        host.HasEntity("fixture_item").ShouldBeTrue();

        var installed = await host.Packages.ListAsync(CancellationToken.None);
        installed.Select(p => (p.Id, p.Version, p.Source, p.Requested)).ShouldBe(
            [("fixture.base", "1.0.0", "local", false), ("fixture.dependent", "1.0.0", "local", true)]);
        installed[1].Dependencies.ShouldBe(["fixture.base [1.0.0, 2.0.0)"]);
        File.ReadAllText(host.LockFile).ShouldContain("\"lockVersion\": 1");
        Directory.EnumerateDirectories(host.PluginsFolder).Select(Path.GetFileName).ShouldBe(["fixture.base", "fixture.dependent"], ignoreOrder: true);
    }
}
