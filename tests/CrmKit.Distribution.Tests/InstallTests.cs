using CrmKit.Core.Plugins;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Tests.Infrastructure;
using CrmKit.Testing.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Distribution.Tests;

public sealed class InstallTests
{
    [Fact]
    public async Task Install_FromFlatFolderFeed_ResolvesTheDependencyByRange_AndLoadsWithoutRestart()
    {
        var root = DistributionHost.NewRoot();
        var base100 = Fixtures.Base("1.0.0");
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), base100, Fixtures.Base("1.1.0"), Fixtures.Base("2.0.0"), Fixtures.Dependent());
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
        // A flat folder declares no hash: the one computed from the downloaded bytes is pinned.
        installed[0].Sha512.ShouldBe(base100.Sha512);
        var lockText = File.ReadAllText(host.LockFile);
        lockText.ShouldContain("\"lockVersion\": 1");
        // Written for people to read and diff: every hash as it is (base64's '+' and '/' not \u-escaped).
        lockText.ShouldContain($"\"sha512\": \"{base100.Sha512}\"");
        lockText.ShouldNotContain("\\u00");
        Directory.EnumerateDirectories(host.PluginsFolder).Select(Path.GetFileName).ShouldBe(["fixture.base", "fixture.dependent"], ignoreOrder: true);
    }

    [Fact]
    public async Task RegisteredConstraintSources_AreHonoured()
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base("1.0.0"), Fixtures.Base("1.1.0"), Fixtures.Base("2.0.0"));
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)],
            services: s => s.AddSingleton<IPluginPackageConstraintSource>(new FixedConstraints(new PluginPackageConstraint("fixture.base", "[1.0.0, 1.1.0]", "edition:acme.b2b"))));

        var plan = await host.InstallAsync(DistributionHost.Install("fixture.base"));

        plan.Steps.Single().ToVersion.ShouldBe("1.1.0");
        var refused = await host.Packages.PlanAsync(
            new PluginPackageRequest { Install = [new PluginPackageRequirement("fixture.base", "[2.0.0]")] }, CancellationToken.None);
        refused.Problems.Single().Code.ShouldBe(PluginPackageErrorCodes.ConstraintViolated);
        refused.Problems.Single().Message.ShouldContain("edition:acme.b2b");
    }

    private sealed class FixedConstraints(params PluginPackageConstraint[] constraints) : IPluginPackageConstraintSource
    {
        public Task<IReadOnlyList<PluginPackageConstraint>> GetConstraintsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PluginPackageConstraint>>(constraints);
    }
}
