using System.Net;
using System.Net.Sockets;
using CrmKit.Core.Plugins;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Tests.Infrastructure;
using CrmKit.Testing.Feeds;

namespace CrmKit.Distribution.Tests;

/// <summary>
/// Every bad input is refused with a stable code and a clear message, and nothing changes: the plugins folder (with
/// its dot-folders) and plugins.lock.json are byte-identical before and after, and fixture.base stays loaded.
/// </summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task TamperedPackage_OnAnHttpFeed_IsRefusedAsHashMismatch()
    {
        var good = Fixtures.Of("fixture.throwing");
        await using var feed = await HttpFeedServer.StartAsync(Fixtures.Base());
        feed.AddServing(good, good.Tampered());
        await using var host = await StartWithBaseAsync([new FeedSource("remote", feed.IndexUrl)]);

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.HashMismatch);

        problem.Message.ShouldContain("fixture.throwing 1.0.0");
        problem.Message.ShouldContain(good.Sha512);
    }

    [Fact]
    public async Task TamperedPackage_InAV3FolderFeed_IsRefusedAsHashMismatch()
    {
        var root = DistributionHost.NewRoot();
        var good = Fixtures.Of("fixture.throwing");
        var feed = Path.Combine(root, "feed");
        FolderFeed.WriteV3(feed, Fixtures.Base());
        FolderFeed.WriteV3(feed, good.Tampered(), declaredFor: good);
        await using var host = await StartWithBaseAsync([new FeedSource("local", feed)], root);

        await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.HashMismatch);
    }

    [Fact]
    public async Task PackageWithoutThePluginType_IsRefusedAsNotAPlugin()
    {
        var library = PluginPackageBuilder.Build(new PluginPackageSpec
        {
            Id = "fixture.library", Version = "1.0.0", PackageTypes = [], PublishFolder = Fixtures.Folder("fixture.throwing"),
        });
        await using var host = await StartWithBaseAsync(library);

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.library"), PluginPackageErrorCodes.NotAPlugin);

        problem.Message.ShouldContain("CrmKitPlugin");
    }

    [Fact]
    public async Task PluginTypedPackageWithoutManifest_IsRefusedAsNotAPlugin()
    {
        var package = PluginPackageBuilder.Build(new PluginPackageSpec
        {
            Id = "fixture.throwing", Version = "1.0.0", IncludeManifest = false, PublishFolder = Fixtures.Folder("fixture.throwing"),
        });
        await using var host = await StartWithBaseAsync(package);

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.NotAPlugin);

        problem.Message.ShouldContain("crmkit-plugin.json");
    }

    [Theory]
    [InlineData("lib/net10.0/../../../escaped.txt")]
    [InlineData("../escaped.txt")]
    [InlineData("/tmp/escaped.txt")]
    public async Task ZipSlipPath_IsRefused_AndNothingIsWrittenAnywhere(string entry)
    {
        var package = PluginPackageBuilder.WithRawEntry(Fixtures.Of("fixture.throwing"), entry, "escaped");
        await using var host = await StartWithBaseAsync(package);

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.UnsafePath);

        problem.Message.ShouldContain(entry);
        File.Exists(Path.Combine(host.Root, "escaped.txt")).ShouldBeFalse();
        File.Exists(Path.Combine(host.PluginsFolder, "escaped.txt")).ShouldBeFalse();
    }

    [Fact]
    public async Task Prerelease_WhenNotAllowed_IsRefused_AndAllowedWhenAsked()
    {
        await using var host = await StartWithBaseAsync(Fixtures.Of("fixture.throwing", "1.0.0-beta.1"));

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.PrereleaseNotAllowed);
        problem.Message.ShouldContain("1.0.0-beta.1");

        var plan = await host.Packages.PlanAsync(
            new PluginPackageRequest { Install = [new PluginPackageRequirement("fixture.throwing")], IncludePrerelease = true }, CancellationToken.None);
        plan.Problems.ShouldBeEmpty();
        plan.Steps.Single(s => s.Id == "fixture.throwing").ToVersion.ShouldBe("1.0.0-beta.1");
    }

    [Fact]
    public async Task UnreachableFeed_IsRefused()
    {
        var root = DistributionHost.NewRoot();
        var folder = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base());
        await using var host = await StartWithBaseAsync([new FeedSource("local", folder)], root);
        FolderFeed.WriteNuGetConfig(host.NuGetConfig, new FeedSource("local", folder), new FeedSource("down", $"http://127.0.0.1:{FreePort()}/v3/index.json"));

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.FeedUnreachable);

        problem.Message.ShouldContain("'down'");
        (await Should.ThrowAsync<PluginPackageException>(() => host.Packages.SearchAsync("", false, CancellationToken.None)))
            .Code.ShouldBe(PluginPackageErrorCodes.FeedUnreachable);
    }

    [Fact]
    public async Task MissingFolderFeed_IsRefusedAsUnreachable()
    {
        var root = DistributionHost.NewRoot();
        var folder = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base());
        await using var host = await StartWithBaseAsync([new FeedSource("local", folder)], root);
        FolderFeed.WriteNuGetConfig(host.NuGetConfig, new FeedSource("local", folder), new FeedSource("gone", Path.Combine(root, "no-such-folder")));

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.FeedUnreachable);

        problem.Message.ShouldContain("'gone'");
    }

    [Fact]
    public async Task MissingOrInsecureConfiguration_IsRefused()
    {
        await using var host = await StartWithBaseAsync();
        FolderFeed.WriteNuGetConfig(host.NuGetConfig, new FeedSource("plain", "http://127.0.0.1:9/v3/index.json"));
        File.WriteAllText(host.NuGetConfig, File.ReadAllText(host.NuGetConfig).Replace(" allowInsecureConnections=\"true\"", "", StringComparison.Ordinal));

        var insecure = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.InvalidConfiguration);
        insecure.Message.ShouldContain("allowInsecureConnections");

        File.Delete(host.NuGetConfig);
        var missing = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.InvalidConfiguration);
        missing.Message.ShouldContain("nuget.config");
    }

    [Fact]
    public async Task FeedAnswering500_IsRefused()
    {
        await using var feed = await HttpFeedServer.StartAsync(Fixtures.Base(), Fixtures.Of("fixture.throwing"));
        await using var host = await StartWithBaseAsync([new FeedSource("remote", feed.IndexUrl)]);
        feed.FailWith500 = true;

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.FeedError);

        problem.Message.ShouldContain("'remote'");
        problem.Message.ShouldContain("500");
    }

    [Fact]
    public async Task WrongCredentials_AreRefusedAsUnauthorized()
    {
        await using var feed = await HttpFeedServer.StartAsync(Fixtures.Base(), Fixtures.Of("fixture.throwing"));
        await using var host = await StartWithBaseAsync([new FeedSource("private", feed.IndexUrl, "crm", "s3cret")]);
        feed.BasicAuth = ("crm", "s3cret");
        FolderFeed.WriteNuGetConfig(host.NuGetConfig, new FeedSource("private", feed.IndexUrl, "crm", "wrong"));

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.FeedUnauthorized);

        problem.Message.ShouldContain("'private'");
        problem.Message.ShouldNotContain("wrong");
    }

    [Fact]
    public async Task IncompatibleSdkRange_IsRefused()
    {
        await using var host = await StartWithBaseAsync(Fixtures.Of("fixture.throwing", sdkRange: "[99.0.0, 100.0.0)"));

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.throwing"), PluginPackageErrorCodes.SdkIncompatible);

        problem.Message.ShouldContain("[99.0.0, 100.0.0)");
        problem.PackageId.ShouldBe("fixture.throwing");
    }

    [Fact]
    public async Task MissingDependency_IsRefused()
    {
        var dependent = PluginPackageBuilder.Build(new PluginPackageSpec
        {
            Id = "fixture.dependent", Version = "1.0.0", PublishFolder = Fixtures.Folder("fixture.dependent"),
            Dependencies = new Dictionary<string, string> { ["fixture.base"] = "[1.0.0, 2.0.0)", ["fixture.nowhere"] = "[1.0.0, )" },
        });
        await using var host = await StartWithBaseAsync(dependent);

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.dependent"), PluginPackageErrorCodes.DependencyMissing);

        problem.Message.ShouldContain("fixture.nowhere");
    }

    [Fact]
    public async Task DependencyOutsideItsRange_IsRefused()
    {
        await using var host = await StartWithBaseAsync(Fixtures.Dependent(baseRange: "[3.0.0, 4.0.0)"));

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.dependent"), PluginPackageErrorCodes.DependencyMissing);

        problem.Message.ShouldContain("fixture.base [3.0.0, 4.0.0)");
        problem.Message.ShouldContain("1.0.0");
    }

    [Fact]
    public async Task Conflict_OfTheResultingSet_IsRefused()
    {
        await using var host = await StartWithBaseAsync(Fixtures.Of("fixture.conflict-a"), Fixtures.Of("fixture.conflict-b"));
        await host.InstallAsync(DistributionHost.Install("fixture.conflict-a"));

        var problem = await RefusedAsync(host, DistributionHost.Install("fixture.conflict-b"), PluginPackageErrorCodes.Conflict);

        problem.Message.ShouldContain("fixture.conflict-a");
        host.Status("fixture.conflict-a")!.State.ShouldBe(PluginState.Loaded);
    }

    [Fact]
    public async Task DependencyWhoseIdHasAHandPlacedFolder_IsRefused_AndTheFolderKept()
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base(), Fixtures.Dependent());
        CopyFolder(Fixtures.Folder("fixture.base"), Path.Combine(root, "plugins", "fixture.base"));
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);
        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
        var before = host.Snapshot();

        var plan = await host.Packages.PlanAsync(DistributionHost.Install("fixture.dependent"), CancellationToken.None);

        var problem = plan.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(PluginPackageErrorCodes.Conflict);
        problem.Message.ShouldContain("not installed from a feed");
        host.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task ConstraintOfAnEdition_RefusesAVersionItExcludes()
    {
        var constraint = new PluginPackageConstraint("fixture.base", "[1.0.0, 1.1.0)", "edition:acme.b2b");
        await using var host = await StartWithBaseAsync(Fixtures.Base("1.1.0"));

        var problem = await RefusedAsync(host,
            new PluginPackageRequest { Install = [new PluginPackageRequirement("fixture.base", "[1.1.0]")], Constraints = [constraint] },
            PluginPackageErrorCodes.ConstraintViolated);

        problem.Message.ShouldContain("edition:acme.b2b");
        problem.Message.ShouldContain("[1.0.0, 1.1.0)");
    }

    [Fact]
    public async Task InvalidRequest_IsRefused()
    {
        await using var host = await StartWithBaseAsync();

        await RefusedAsync(host, DistributionHost.Install("Not An Id"), PluginPackageErrorCodes.InvalidRequest);
        await RefusedAsync(host, new PluginPackageRequest { Install = [new PluginPackageRequirement("fixture.base", "[oops")] }, PluginPackageErrorCodes.InvalidRequest);
        await RefusedAsync(host, new PluginPackageRequest { Update = ["fixture.nowhere"] }, PluginPackageErrorCodes.NotInstalled);
        await RefusedAsync(host, DistributionHost.Install("fixture.nowhere"), PluginPackageErrorCodes.NotFound);
    }

    [Fact]
    public async Task InstallThatFailsHalfWay_LeavesThePreviousSetLoaded()
    {
        await using var host = await StartWithBaseAsync(Fixtures.Of("fixture.throwing"));
        var before = host.Snapshot();
        var plan = await host.Packages.PlanAsync(DistributionHost.Install("fixture.throwing"), CancellationToken.None);
        plan.Problems.ShouldBeEmpty();

        var error = await Should.ThrowAsync<PluginPackageException>(() => host.Packages.ApplyAsync(plan, CancellationToken.None));

        error.Code.ShouldBe(PluginPackageErrorCodes.LoadFailed);
        error.Message.ShouldContain("fixture.throwing");
        host.Snapshot().ShouldBe(before);
        host.Status("fixture.throwing").ShouldBeNull();
        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
        host.HasEntity("fixture_item").ShouldBeTrue();
    }

    /// <summary>A host with fixture.base 1.0.0 installed from a flat folder feed that also holds <paramref name="packages"/>.</summary>
    private static async Task<DistributionHost> StartWithBaseAsync(params TestPackage[] packages)
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), [Fixtures.Base(), .. packages]);
        return await StartWithBaseAsync([new FeedSource("local", feed)], root);
    }

    private static async Task<DistributionHost> StartWithBaseAsync(FeedSource[] sources, string? root = null)
    {
        var host = await DistributionHost.StartAsync(root ?? DistributionHost.NewRoot(), sources);
        await host.InstallAsync(DistributionHost.Install("fixture.base"));
        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
        return host;
    }

    /// <summary>Plans the request, expects a problem with the code, proves Apply refuses it, and that nothing changed.</summary>
    private static async Task<PluginPackageProblem> RefusedAsync(DistributionHost host, PluginPackageRequest request, string code)
    {
        var before = host.Snapshot();
        var plan = await host.Packages.PlanAsync(request, CancellationToken.None);

        plan.CanApply.ShouldBeFalse();
        var problem = plan.Problems.FirstOrDefault(p => p.Code == code);
        problem.ShouldNotBeNull($"Expected {code}; got: {string.Join(" | ", plan.Problems.Select(p => $"{p.Code}: {p.Message}"))}");
        problem.Message.ShouldNotBeNullOrWhiteSpace();
        (await Should.ThrowAsync<PluginPackageException>(() => host.Packages.ApplyAsync(plan, CancellationToken.None))).Code.ShouldBe(plan.Problems[0].Code);
        host.Snapshot().ShouldBe(before);
        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
        return problem;
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
