using System.Text.Json.Nodes;
using CrmKit.Core.Editions;

namespace CrmKit.Editions.Tests;

public sealed class EditionInstallTests
{
    [Theory]
    [MemberData(nameof(EditionTestHost.Providers), MemberType = typeof(EditionTestHost))]
    public async Task Install_ShouldCreateEntitiesWorkflowsTemplatesAndSeed_WhenEditionIsNew(string provider)
    {
        await using var host = await EditionTestHost.StartAsync(provider);
        using var edition = TestEditions.V1();

        var plan = await host.ApplyAsync(edition);

        plan.CanApply.ShouldBeTrue();
        plan.Entities.Single(e => e.Entity == "project").Action.ShouldBe("create");
        plan.Entities.Single(e => e.Entity == "deal").Fields.Select(f => (f.Field, f.Action)).ShouldBe([("project", "add"), ("po_number", "add")]);
        var project = host.Metadata.GetEntity("project");
        project.Labels.Get(new System.Globalization.CultureInfo("ru")).ShouldBe("Проект");
        host.Metadata.GetEntity("deal").FindField("project").ShouldNotBeNull();
        (await host.Workflows.GetAsync("project-created")).Version.ShouldBe(1);
        host.WorkflowRegistry.Find("project-created").ShouldNotBeNull();
        (await host.Templates.GetAsync("project_card", "ru")).Source.ShouldBe("Проект {{ record.title }}");
        var projects = await host.AllAsync("project");
        projects.Select(p => p.Values["title"]!.GetValue<string>()).Order().ShouldBe(["Internal", "Onboarding"]);
        var onboarding = projects.Single(p => p.Values["title"]!.GetValue<string>() == "Onboarding");
        onboarding.Values["parent"]!.GetValue<string>().ShouldBe(projects.Single(p => p.Values["title"]!.GetValue<string>() == "Internal").Id.ToString("D"));
        var installed = (await host.Editions.ListAsync(CancellationToken.None)).ShouldHaveSingleItem();
        (installed.Id, installed.Version, installed.CrmKitRange).ShouldBe(("test.projects", "1.0.0", "[0.1.0, 1.0.0)"));
    }

    [Fact]
    public async Task Install_ShouldChangeNothing_WhenSameVersionIsInstalledAgain()
    {
        await using var host = await EditionTestHost.StartAsync();
        using var edition = TestEditions.V1();
        await host.ApplyAsync(edition);
        var versionBefore = host.Metadata.GetEntity("project").Version;

        var plan = await host.ApplyAsync(edition);

        plan.UpToDate.ShouldBeTrue();
        plan.Entities.ShouldBeEmpty();
        host.Metadata.GetEntity("project").Version.ShouldBe(versionBefore);
        (await host.AllAsync("project")).Count.ShouldBe(2);
        (await host.Workflows.GetAsync("project-created")).Version.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(EditionTestHost.Providers), MemberType = typeof(EditionTestHost))]
    public async Task Upgrade_ShouldAddRenameAndArchiveFieldsAndKeepRecords_WhenV2FollowsV1(string provider)
    {
        await using var host = await EditionTestHost.StartAsync(provider);
        using var v1 = TestEditions.V1();
        await host.ApplyAsync(v1);
        var made = await host.CreateAsync("project", """{"title": "Customer portal", "status": "active", "budget_code": "CP-7"}""");
        var deal = await host.CreateAsync("deal", $$"""{"title": "Portal", "stage": "new", "project": "{{made.Id}}", "po_number": "PO-1"}""");

        using var v2 = TestEditions.V2();
        var plan = await host.PlanAsync(v2, EditionOperation.Upgrade);
        plan.CanApply.ShouldBeTrue();
        plan.FromVersion.ShouldBe("1.0.0");
        plan.Entities.Single(e => e.Entity == "project").Fields.ShouldBe(
            [new EditionFieldChange("cost_center", "rename", "budget_code"), new EditionFieldChange("priority", "add")]);
        plan.Entities.Single(e => e.Entity == "deal").Fields.ShouldBe([new EditionFieldChange("po_number", "archive")]);
        plan.Workflows.ShouldBe([new EditionItemChange("project-created", "replace")]);
        plan.Seed.ShouldAllBe(s => s.Action == "keep");

        await host.ApplyAsync(v2, EditionOperation.Upgrade);

        var project = host.Metadata.GetEntity("project");
        project.FindField("budget_code").ShouldBeNull();
        project.FindField("cost_center").ShouldNotBeNull();
        project.FindField("priority").ShouldNotBeNull();
        var projects = await host.AllAsync("project");
        projects.Count.ShouldBe(3);
        projects.Single(p => p.Id == made.Id).Values["cost_center"]!.GetValue<string>().ShouldBe("CP-7");
        projects.ShouldAllBe(p => !p.Values.ContainsKey("budget_code"));
        host.Metadata.GetEntity("deal").FindField("po_number").ShouldBeNull();
        var archive = (await host.Metadata.GetArchivesAsync("deal")).ShouldHaveSingleItem();
        (archive.Field, archive.Count).ShouldBe(("po_number", 1));
        (await host.Records.GetAsync(EditionTestHost.Admin, "deal", deal.Id)).ShouldNotBeNull().Values["project"]!.GetValue<string>().ShouldBe(made.Id.ToString("D"));
        (await host.Workflows.GetAsync("project-created")).Version.ShouldBe(2);
        (await host.Editions.ListAsync(CancellationToken.None)).ShouldHaveSingleItem().Version.ShouldBe("2.0.0");
    }

    [Fact]
    public async Task Install_ShouldRefuse_WhenAnotherVersionIsInstalled()
    {
        await using var host = await EditionTestHost.StartAsync();
        using var v1 = TestEditions.V1();
        await host.ApplyAsync(v1);
        using var v2 = TestEditions.V2();

        var e = await Should.ThrowAsync<EditionException>(() => host.ApplyAsync(v2, EditionOperation.Install));

        e.Code.ShouldBe(EditionErrorCodes.WrongOperation);
        host.Metadata.GetEntity("project").FindField("budget_code").ShouldNotBeNull();
    }

    [Fact]
    public async Task Upgrade_ShouldRefuse_WhenVersionIsOlder()
    {
        await using var host = await EditionTestHost.StartAsync();
        using var v2 = TestEditions.V2(m => m["migrations"] = new JsonArray());
        await host.ApplyAsync(v2);
        using var v1 = TestEditions.V1();

        var e = await Should.ThrowAsync<EditionException>(() => host.ApplyAsync(v1, EditionOperation.Upgrade));

        e.Code.ShouldBe(EditionErrorCodes.Downgrade);
    }

    [Fact]
    public async Task Plan_ShouldReportCoreIncompatible_WhenServerVersionIsOutsideRange()
    {
        await using var host = await EditionTestHost.StartAsync(configure: o => o.CoreVersion = "1.2.0");
        using var edition = TestEditions.V1();

        var plan = await host.PlanAsync(edition);

        plan.CanApply.ShouldBeFalse();
        var problem = plan.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.File, problem.Path).ShouldBe((EditionErrorCodes.CoreIncompatible, "edition.json", "/crmkit"));
        problem.Message.ShouldContain("1.2.0");
    }

    [Fact]
    public async Task Start_ShouldRefuse_WhenInstalledEditionExcludesTheNewCoreVersion()
    {
        var root = Directory.CreateTempSubdirectory("crmkit-editions-").FullName;
        await using (var host = await EditionTestHost.StartAsync(root: root))
        {
            using var edition = TestEditions.V1();
            await host.ApplyAsync(edition);
        }

        var e = await Should.ThrowAsync<EditionException>(() => EditionTestHost.StartAsync(root: root, configure: o => o.CoreVersion = "1.0.0"));

        e.Code.ShouldBe(EditionErrorCodes.CoreIncompatible);
        e.Message.ShouldContain("test.projects 1.0.0 supports CrmKit [0.1.0, 1.0.0)");
        e.Message.ShouldContain("CrmKit 1.0.0");
    }
}
