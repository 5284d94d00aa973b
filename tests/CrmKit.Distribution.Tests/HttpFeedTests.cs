using CrmKit.Core.Plugins;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Tests.Infrastructure;
using CrmKit.Testing.Feeds;

namespace CrmKit.Distribution.Tests;

/// <summary>The HTTP code path of NuGet.Protocol against a real v3 feed on loopback.</summary>
public sealed class HttpFeedTests
{
    [Fact]
    public async Task Install_FromHttpV3Feed_ChecksTheRegistrationHash_AndPinsIt()
    {
        var basePackage = Fixtures.Base("1.0.0");
        await using var feed = await HttpFeedServer.StartAsync(basePackage, Fixtures.Base("1.2.0"), Fixtures.Dependent());
        var root = DistributionHost.NewRoot();
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("remote", feed.IndexUrl)]);

        var plan = await host.InstallAsync(new PluginPackageRequest { Install = [new PluginPackageRequirement("fixture.base", "[1.0.0]")] });

        plan.Steps.Single().ShouldSatisfyAllConditions(
            s => s.Action.ShouldBe(PluginPackageAction.Install),
            s => s.ToVersion.ShouldBe("1.0.0"),
            s => s.Source.ShouldBe("remote"),
            s => s.Sha512.ShouldBe(basePackage.Sha512));
        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
        (await host.Packages.ListAsync(CancellationToken.None)).Single().Sha512.ShouldBe(basePackage.Sha512);
        feed.Requests.ShouldContain(r => r.StartsWith("GET /v3/registration/fixture.base/index.json", StringComparison.Ordinal));
        feed.Requests.ShouldContain(r => r.StartsWith("GET /v3/flat/fixture.base/1.0.0/fixture.base.1.0.0.nupkg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_OverHttp_ListsPluginPackagesOnly_AndHonoursPrerelease()
    {
        var library = PluginPackageBuilder.Build(new PluginPackageSpec { Id = "fixture.library", Version = "1.0.0", PackageTypes = [], IncludeManifest = false,
            ExtraFiles = new Dictionary<string, string> { ["lib/net10.0/readme.txt"] = "x" } });
        await using var feed = await HttpFeedServer.StartAsync(Fixtures.Base("1.0.0"), Fixtures.Base("2.0.0-beta.1"), library);
        var root = DistributionHost.NewRoot();
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("remote", feed.IndexUrl)]);

        var stable = await host.Packages.SearchAsync("fixture", includePrerelease: false, CancellationToken.None);
        var all = await host.Packages.SearchAsync("fixture", includePrerelease: true, CancellationToken.None);

        stable.Select(p => (p.Id, p.Version, p.Source)).ShouldBe([("fixture.base", "1.0.0", "remote")]);
        all.Single().Version.ShouldBe("2.0.0-beta.1");
        all.Single().Versions.ShouldBe(["2.0.0-beta.1", "1.0.0"]);
    }

    [Fact]
    public async Task Search_OverAFolderFeed_ListsPluginPackagesOnly_WithTheInstalledVersion()
    {
        var root = DistributionHost.NewRoot();
        var library = PluginPackageBuilder.Build(new PluginPackageSpec { Id = "fixture.library", Version = "1.0.0", PackageTypes = [], IncludeManifest = false,
            ExtraFiles = new Dictionary<string, string> { ["lib/net10.0/readme.txt"] = "x" } });
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base("1.0.0"), Fixtures.Base("1.1.0"), library);
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);
        await host.InstallAsync(new PluginPackageRequest { Install = [new PluginPackageRequirement("fixture.base", "[1.0.0]")] });

        var found = await host.Packages.SearchAsync("", includePrerelease: false, CancellationToken.None);

        found.Select(p => (p.Id, p.Version, p.InstalledVersion)).ShouldBe([("fixture.base", "1.1.0", "1.0.0")]);
    }

    [Fact]
    public async Task Install_WithBasicCredentialsFromNuGetConfig_Works()
    {
        await using var feed = await HttpFeedServer.StartAsync(Fixtures.Base("1.0.0"));
        feed.BasicAuth = ("crm", "s3cret");
        var root = DistributionHost.NewRoot();
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("private", feed.IndexUrl, "crm", "s3cret")]);

        await host.InstallAsync(DistributionHost.Install("fixture.base"));

        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
    }
}
