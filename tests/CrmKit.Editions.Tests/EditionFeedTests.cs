using System.Text.Json.Nodes;
using CrmKit.Core.Editions;
using CrmKit.Editions.Packing;
using CrmKit.Testing.Feeds;

namespace CrmKit.Editions.Tests;

/// <summary>Editions fetched from a folder feed by id and version, as the server does for plan, install and upgrade.</summary>
public sealed class EditionFeedTests
{
    [Fact]
    public async Task Plan_ShouldReportTheMissingPluginVersion_AndChangeNothing()
    {
        await using var host = await EditionTestHost.StartAsync();
        var feed = FolderFeed.WriteFlat(Path.Combine(host.Root, "feed"),
            PluginPackageBuilder.Build(new PluginPackageSpec { Id = "test.greeter", Version = "1.0.0" }));
        FolderFeed.WriteNuGetConfig(Path.Combine(host.Root, "nuget.config"), new FeedSource("local", feed));
        using var edition = TestEditions.V1(m => m["plugins"] = new JsonObject { ["test.greeter"] = "[2.0.0, 3.0.0)" });
        EditionPackager.Pack(edition.Root, feed);

        var plan = await host.Editions.PlanAsync(new EditionRequest { Id = "test.projects" }, EditionTestHost.Admin, CancellationToken.None);

        plan.CanApply.ShouldBeFalse();
        plan.Source.ShouldBe("local");
        var problem = plan.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.File, problem.Path).ShouldBe((EditionErrorCodes.PluginUnavailable, "edition.json", "/plugins/test.greeter"));
        problem.Message.ShouldContain("test.greeter");
        var e = await Should.ThrowAsync<EditionException>(() =>
            host.Editions.ApplyAsync(new EditionRequest { Id = "test.projects" }, EditionTestHost.Admin, CancellationToken.None));
        e.Code.ShouldBe(EditionErrorCodes.PluginUnavailable);
        host.Metadata.GetEntities().ShouldNotContain(x => x.Name == "project");
        var plugins = Path.Combine(host.Root, "plugins");
        (Directory.Exists(plugins) ? Directory.EnumerateFileSystemEntries(plugins).ToList() : []).ShouldBeEmpty();
        (await host.Editions.ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Install_ShouldFetchTheHighestVersion_WhenNoVersionIsGiven()
    {
        await using var host = await EditionTestHost.StartAsync();
        var feed = Path.Combine(host.Root, "feed");
        FolderFeed.WriteNuGetConfig(Path.Combine(host.Root, "nuget.config"), new FeedSource("local", feed));
        using (var v1 = TestEditions.V1())
        {
            EditionPackager.Pack(v1.Root, feed);
        }

        using (var v2 = TestEditions.V2())
        {
            EditionPackager.Pack(v2.Root, feed);
        }

        var v1Plan = await host.Editions.ApplyAsync(new EditionRequest { Id = "test.projects", Version = "1.0.0" }, EditionTestHost.Admin, CancellationToken.None);
        var upgrade = await host.Editions.ApplyAsync(new EditionRequest { Id = "test.projects", Operation = EditionOperation.Upgrade }, EditionTestHost.Admin, CancellationToken.None);

        v1Plan.ToVersion.ShouldBe("1.0.0");
        (upgrade.FromVersion, upgrade.ToVersion).ShouldBe(("1.0.0", "2.0.0"));
        (await host.Editions.ListAsync(CancellationToken.None)).ShouldHaveSingleItem().Version.ShouldBe("2.0.0");
    }

    [Fact]
    public async Task Plan_ShouldRefuse_WhenNoFeedHasTheEdition()
    {
        await using var host = await EditionTestHost.StartAsync();
        var feed = Directory.CreateDirectory(Path.Combine(host.Root, "feed")).FullName;
        FolderFeed.WriteNuGetConfig(Path.Combine(host.Root, "nuget.config"), new FeedSource("local", feed));
        using (var v1 = TestEditions.V1())
        {
            EditionPackager.Pack(v1.Root, feed);
        }

        var missing = await Should.ThrowAsync<EditionException>(() =>
            host.Editions.PlanAsync(new EditionRequest { Id = "no.such.edition" }, EditionTestHost.Admin, CancellationToken.None));
        var wrongVersion = await Should.ThrowAsync<EditionException>(() =>
            host.Editions.PlanAsync(new EditionRequest { Id = "test.projects", Version = "3.0.0" }, EditionTestHost.Admin, CancellationToken.None));

        missing.Code.ShouldBe(EditionErrorCodes.NotFound);
        wrongVersion.Code.ShouldBe(EditionErrorCodes.NotFound);
        wrongVersion.Message.ShouldContain("available: 1.0.0");
    }
}
