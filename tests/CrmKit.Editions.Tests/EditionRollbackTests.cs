using System.Text.Json.Nodes;
using CrmKit.Core.Editions;

namespace CrmKit.Editions.Tests;

public sealed class EditionRollbackTests
{
    [Theory]
    [MemberData(nameof(EditionTestHost.Providers), MemberType = typeof(EditionTestHost))]
    public async Task Install_ShouldChangeNothing_WhenASeedRecordIsRejected(string provider)
    {
        await using var host = await EditionTestHost.StartAsync(provider);
        var dealVersion = host.Metadata.GetEntity("deal").Version;
        using var edition = TestEditions.V1();
        var seed = TestEditions.Seed();
        ((JsonArray)seed["records"]!).Add(JsonNode.Parse("""{"key": "broken", "values": {"title": "Broken", "status": "unknown"}}"""));
        edition.Write("seed/projects.json", seed);

        var e = await Should.ThrowAsync<EditionException>(() => host.ApplyAsync(edition));

        var problem = e.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(EditionErrorCodes.ApplyFailed);
        problem.File.ShouldBe("seed/projects.json");
        problem.Path!.ShouldStartWith("/records/2");
        await AssertNothingInstalledAsync(host, dealVersion);
    }

    [Fact]
    public async Task Install_ShouldChangeNothing_WhenAWorkflowIsInvalid()
    {
        await using var host = await EditionTestHost.StartAsync();
        var dealVersion = host.Metadata.GetEntity("deal").Version;
        using var edition = TestEditions.V1();
        var workflow = TestEditions.Workflow("x");
        workflow["steps"]![0]!["action"] = "no_such_action";
        edition.Write("workflows/project-created.json", workflow);

        var e = await Should.ThrowAsync<EditionException>(() => host.ApplyAsync(edition));

        e.Problems.ShouldHaveSingleItem().File.ShouldBe("workflows/project-created.json");
        await AssertNothingInstalledAsync(host, dealVersion);
    }

    [Fact]
    public async Task Upgrade_ShouldKeepV1_WhenV2FailsAfterRenaming()
    {
        await using var host = await EditionTestHost.StartAsync();
        using var v1 = TestEditions.V1();
        await host.ApplyAsync(v1);
        var made = await host.CreateAsync("project", """{"title": "Kept", "budget_code": "K-1"}""");
        var versionBefore = host.Metadata.GetEntity("project").Version;
        using var v2 = TestEditions.V2();
        v2.Write("templates/project-card.ru.scriban", "{{ if }}");

        await Should.ThrowAsync<EditionException>(() => host.ApplyAsync(v2, EditionOperation.Upgrade));

        var project = host.Metadata.GetEntity("project");
        project.Version.ShouldBe(versionBefore);
        project.FindField("budget_code").ShouldNotBeNull();
        project.FindField("cost_center").ShouldBeNull();
        (await host.Records.GetAsync(EditionTestHost.Admin, "project", made.Id)).ShouldNotBeNull().Values["budget_code"]!.GetValue<string>().ShouldBe("K-1");
        host.Metadata.GetEntity("deal").FindField("po_number").ShouldNotBeNull();
        (await host.Workflows.GetAsync("project-created")).Version.ShouldBe(1);
        (await host.Editions.ListAsync(CancellationToken.None)).ShouldHaveSingleItem().Version.ShouldBe("1.0.0");

        // The store and the in-memory state agree: the upgrade succeeds once the template is fixed.
        v2.Write("templates/project-card.ru.scriban", "Проект {{ record.title }}!");
        await host.ApplyAsync(v2, EditionOperation.Upgrade);
        (await host.Records.GetAsync(EditionTestHost.Admin, "project", made.Id)).ShouldNotBeNull().Values["cost_center"]!.GetValue<string>().ShouldBe("K-1");
    }

    private static async Task AssertNothingInstalledAsync(EditionTestHost host, long dealVersion)
    {
        host.Metadata.GetEntities().ShouldNotContain(e => e.Name == "project");
        host.Metadata.GetEntity("deal").Version.ShouldBe(dealVersion);
        host.Metadata.GetEntity("deal").FindField("project").ShouldBeNull();
        (await host.Workflows.ListAsync(includeDeleted: true)).ShouldNotContain(w => w.Name == "project-created");
        host.WorkflowRegistry.Find("project-created").ShouldBeNull();
        (await host.Templates.ListAsync()).ShouldNotContain(t => t.Name == "project_card");
        (await host.Editions.ListAsync(CancellationToken.None)).ShouldBeEmpty();
        await using var session = await host.Store.BeginAsync(write: false, CancellationToken.None);
        (await session.GetSchemaVersionsAsync(CancellationToken.None)).Keys.ShouldNotContain("project");
    }
}
