using System.Text.Json.Nodes;
using CrmKit.Core.Editions;
using CrmKit.Core.Plugins;
using CrmKit.Editions.Packing;
using CrmKit.Testing.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Editions.Tests;

/// <summary>An edition that installs a real plugin (ru.requisites from a folder feed) and then fails in its store part.</summary>
public sealed class EditionPluginRollbackTests
{
    [Fact]
    public async Task Install_ShouldPutThePluginsBack_WhenTheStorePartFails()
    {
        await using var host = await EditionTestHost.StartAsync();
        var feed = Path.Combine(host.Root, "feed");
        ShippedPluginPackages.CopyTo(feed);
        FolderFeed.WriteNuGetConfig(Path.Combine(host.Root, "nuget.config"), new FeedSource("local", feed));
        using var edition = TestEditions.V1(m => m["plugins"] = new JsonObject { ["ru.requisites"] = "[1.0.0, 2.0.0)" });
        var project = TestEditions.Project(v2: false);
        project["properties"]!["inn"] = JsonNode.Parse("""{"x-crm-type": "ru.requisites.inn"}""");
        edition.Write("entities/project.schema.json", project);
        var seed = TestEditions.Seed();
        ((JsonArray)seed["records"]!).Add(JsonNode.Parse("""{"key": "bad-inn", "values": {"title": "Bad", "inn": "7707083890"}}"""));
        edition.Write("seed/projects.json", seed);
        EditionPackager.Pack(edition.Root, feed);

        var plan = await host.Editions.PlanAsync(new EditionRequest { Id = "test.projects" }, EditionTestHost.Admin, CancellationToken.None);
        plan.CanApply.ShouldBeTrue(string.Join("; ", plan.Problems.Select(p => p.Message)));
        plan.Plugins.ShouldHaveSingleItem().Id.ShouldBe("ru.requisites");

        var e = await Should.ThrowAsync<EditionException>(() =>
            host.Editions.ApplyAsync(new EditionRequest { Id = "test.projects" }, EditionTestHost.Admin, CancellationToken.None));

        var problem = e.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.File).ShouldBe((EditionErrorCodes.ApplyFailed, "seed/projects.json"));
        problem.Path!.ShouldStartWith("/records/2");
        var plugins = Path.Combine(host.Root, "plugins");
        (Directory.Exists(plugins) ? Directory.EnumerateDirectories(plugins).Select(Path.GetFileName).ToList() : []).ShouldNotContain("ru.requisites");
        File.Exists(Path.Combine(host.Root, "plugins.lock.json")).ShouldBeFalse();
        host.Services.GetRequiredService<IPluginManager>().List().ShouldNotContain(p => p.Id == "ru.requisites" && p.State == PluginState.Loaded);
        host.Metadata.GetEntities().ShouldNotContain(x => x.Name == "project");
        (await host.Editions.ListAsync(CancellationToken.None)).ShouldBeEmpty();

        // With a valid INN the same edition installs, plugin included.
        ((JsonArray)seed["records"]!)[2]!["values"]!["inn"] = "7707083893";
        edition.Write("seed/projects.json", seed);
        File.Delete(Path.Combine(feed, "test.projects.1.0.0.nupkg"));
        EditionPackager.Pack(edition.Root, feed);
        await host.Editions.ApplyAsync(new EditionRequest { Id = "test.projects" }, EditionTestHost.Admin, CancellationToken.None);
        host.Services.GetRequiredService<IPluginManager>().Find("ru.requisites")!.State.ShouldBe(PluginState.Loaded);
        File.Exists(Path.Combine(host.Root, "plugins.lock.json")).ShouldBeTrue();
        (await host.AllAsync("project")).Count.ShouldBe(3);
    }
}
