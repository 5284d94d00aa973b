using CrmKit.Core.Tests.Services;
using CrmKit.Core.Workflows;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Workflows.Definitions;

public sealed class WorkflowDefinitionServiceTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    private IWorkflowDefinitionService Definitions => _host.Services.GetRequiredService<IWorkflowDefinitionService>();

    private WorkflowRegistry Registry => _host.Services.GetRequiredService<WorkflowRegistry>();

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Save_ShouldCreateVersionOne_AndParseTheDocument()
    {
        var saved = await Definitions.SaveAsync(WorkflowDocuments.Lead(), 0, CrmTestHost.User);

        saved.Version.ShouldBe(1);
        saved.Enabled.ShouldBeTrue();
        saved.CreatedBy.ShouldBe("alice");
        saved.Trigger.Type.ShouldBe(BuiltInWorkflowTriggers.RecordCreated);
        saved.Trigger.Entity.ShouldBe("lead");
        saved.Condition.ShouldBe("record.expected_amount > 1000");
        saved.Steps.Select(s => s.Id).ShouldBe(["assign", "task", "wait"]);
        saved.Steps[0].Parameters["strategy"]!.GetValue<string>().ShouldBe("round_robin");
    }

    [Fact]
    public async Task Save_ShouldReadDateRelativeAlias_AndParseTheOffset()
    {
        var saved = await Definitions.SaveAsync(WorkflowDocuments.Parse(WorkflowDocuments.Reminder), null, CrmTestHost.User);

        saved.Trigger.Type.ShouldBe(BuiltInWorkflowTriggers.DateRelative);
        saved.Trigger.Field.ShouldBe("due_at");
        saved.Trigger.Offset.ShouldBe(TimeSpan.FromDays(-1));
        Registry.For("date.relative", "activity").ShouldHaveSingleItem().Name.ShouldBe("activity-reminder");
    }

    [Fact]
    public async Task Save_ShouldMakeVersionTwo_AndKeepVersionOneReadable()
    {
        await Definitions.SaveAsync(WorkflowDocuments.Lead(), null, CrmTestHost.User);

        var second = await Definitions.SaveAsync(WorkflowDocuments.Lead(d => d["title"] = "Second"), 1, CrmTestHost.User);

        second.Version.ShouldBe(2);
        (await Definitions.GetAsync("lead-assignment")).Title.ShouldBe("Second");
        (await Definitions.GetAsync("lead-assignment", 1)).Title.ShouldBe("Assign new leads");
        (await Definitions.GetVersionsAsync("lead-assignment")).Select(v => v.Version).ShouldBe([1L, 2L]);
        Registry.For(BuiltInWorkflowTriggers.RecordCreated, "lead").ShouldHaveSingleItem().Version.ShouldBe(2);
    }

    [Fact]
    public async Task Save_ShouldReturnConflict_WhenVersionIsStale()
    {
        await Definitions.SaveAsync(WorkflowDocuments.Lead(), null, CrmTestHost.User);
        await Definitions.SaveAsync(WorkflowDocuments.Lead(), 1, CrmTestHost.User);

        var error = await Should.ThrowAsync<CrmException>(() => Definitions.SaveAsync(WorkflowDocuments.Lead(), 1, CrmTestHost.User));

        error.Kind.ShouldBe(CrmErrorKind.Conflict);
        error.Code.ShouldBe(WorkflowErrorCodes.VersionConflict);
        error.Extensions["currentVersion"].ShouldBe(2L);
        (await Definitions.GetVersionsAsync("lead-assignment")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task SetEnabled_ShouldBeReflectedInTheRegistry_WithoutANewVersion()
    {
        await Definitions.SaveAsync(WorkflowDocuments.Lead(), null, CrmTestHost.User);
        var revision = Registry.Revision;

        var disabled = await Definitions.SetEnabledAsync("lead-assignment", false, CrmTestHost.User);

        disabled.Enabled.ShouldBeFalse();
        disabled.Version.ShouldBe(1);
        disabled.Document["enabled"]!.GetValue<bool>().ShouldBeFalse();
        Registry.Revision.ShouldBeGreaterThan(revision);
        Registry.For(BuiltInWorkflowTriggers.RecordCreated, "lead").ShouldBeEmpty();
        Registry.Find("lead-assignment").ShouldBeNull();

        await Definitions.SetEnabledAsync("lead-assignment", true, CrmTestHost.User);

        Registry.For(BuiltInWorkflowTriggers.RecordCreated, "lead").ShouldHaveSingleItem();
        (await Definitions.GetAsync("lead-assignment")).Enabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Save_ShouldStoreDisabled_WhenDocumentSaysSo()
    {
        await Definitions.SaveAsync(WorkflowDocuments.Lead(d => d["enabled"] = false), null, CrmTestHost.User);

        Registry.All.ShouldBeEmpty();
        (await Definitions.GetAsync("lead-assignment")).Enabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_ShouldHideTheWorkflow_ButKeepItsVersionsReadable()
    {
        await Definitions.SaveAsync(WorkflowDocuments.Lead(), null, CrmTestHost.User);

        await Definitions.DeleteAsync("lead-assignment", 1, CrmTestHost.User);

        Registry.All.ShouldBeEmpty();
        (await Should.ThrowAsync<CrmException>(() => Definitions.GetAsync("lead-assignment"))).Code.ShouldBe(WorkflowErrorCodes.NotFound);
        (await Definitions.GetAsync("lead-assignment", 1)).Deleted.ShouldBeTrue();
        (await Definitions.ListAsync()).ShouldBeEmpty();
        (await Definitions.ListAsync(includeDeleted: true)).ShouldHaveSingleItem().Deleted.ShouldBeTrue();
    }

    [Fact]
    public async Task Save_ShouldContinueTheVersions_WhenAWorkflowIsSavedAgainAfterDelete()
    {
        await Definitions.SaveAsync(WorkflowDocuments.Lead(), null, CrmTestHost.User);
        await Definitions.DeleteAsync("lead-assignment", null, CrmTestHost.User);

        var again = await Definitions.SaveAsync(WorkflowDocuments.Lead(), 0, CrmTestHost.User);

        again.Version.ShouldBe(2);
        again.Deleted.ShouldBeFalse();
        Registry.Find("lead-assignment")!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Get_ShouldFailWithNotFound_WhenTheWorkflowOrVersionDoesNotExist()
    {
        await Definitions.SaveAsync(WorkflowDocuments.Lead(), null, CrmTestHost.User);

        (await Should.ThrowAsync<CrmException>(() => Definitions.GetAsync("nope"))).Kind.ShouldBe(CrmErrorKind.NotFound);
        (await Should.ThrowAsync<CrmException>(() => Definitions.GetAsync("lead-assignment", 7))).Code.ShouldBe(WorkflowErrorCodes.NotFound);
        (await Should.ThrowAsync<CrmException>(() => Definitions.SetEnabledAsync("nope", true, CrmTestHost.User))).Code.ShouldBe(WorkflowErrorCodes.NotFound);
    }

    [Fact]
    public async Task List_ShouldFilterByTriggerEntity()
    {
        await Definitions.SaveAsync(WorkflowDocuments.Lead(), null, CrmTestHost.User);
        await Definitions.SaveAsync(WorkflowDocuments.Parse(WorkflowDocuments.Reminder), null, CrmTestHost.User);
        await Definitions.SaveAsync(WorkflowDocuments.Parse(WorkflowDocuments.Morning), null, CrmTestHost.User);

        (await Definitions.ListAsync()).Select(d => d.Name).ShouldBe(["activity-reminder", "lead-assignment", "morning"]);
        (await Definitions.ListAsync("activity")).ShouldHaveSingleItem().Name.ShouldBe("activity-reminder");
    }

    [Fact]
    public async Task Registry_ShouldBeLoadedAtStartUp_FromWhatWasCommitted()
    {
        await Definitions.SaveAsync(WorkflowDocuments.Lead(), null, CrmTestHost.User);
        await Definitions.SaveAsync(WorkflowDocuments.Parse(WorkflowDocuments.Morning), null, CrmTestHost.User);
        await Definitions.SetEnabledAsync("morning", false, CrmTestHost.User);

        _host = await _host.RestartAsync();

        Registry.All.ShouldHaveSingleItem().Name.ShouldBe("lead-assignment");
        Registry.For(BuiltInWorkflowTriggers.RecordCreated, "lead").ShouldHaveSingleItem();
        Registry.For(BuiltInWorkflowTriggers.RecordCreated, "deal").ShouldBeEmpty();
        Registry.For(BuiltInWorkflowTriggers.Schedule, null).ShouldBeEmpty();
    }

    [Fact]
    public async Task Registry_ShouldIndexEntityLessTriggers_UnderNull()
    {
        await Definitions.SaveAsync(WorkflowDocuments.Parse(WorkflowDocuments.Morning), null, CrmTestHost.User);

        Registry.For(BuiltInWorkflowTriggers.Schedule, null).ShouldHaveSingleItem().Trigger.Cron.ShouldBe("0 9 * * MON-FRI");
        Registry.ForType(BuiltInWorkflowTriggers.Schedule).ShouldHaveSingleItem().Trigger.TimeZone.ShouldBe("Europe/Moscow");
    }
}
