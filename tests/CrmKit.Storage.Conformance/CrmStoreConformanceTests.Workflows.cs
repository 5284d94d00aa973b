using CrmKit.Core.Storage;
using CrmKit.Core.Workflows;

namespace CrmKit.Storage.Conformance;

/// <summary>Workflow definitions: every version a row; the current one the highest; state changed in place.</summary>
public abstract partial class CrmStoreConformanceTests
{
    private static StoredWorkflowDefinition Workflow(string name, long version, string document = """{"v":1}""") => new()
    {
        Name = name,
        Version = version,
        Document = document,
        Enabled = true,
        CreatedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero).AddMinutes(version),
        CreatedBy = "alice",
    };

    [SkippableFact]
    public async Task InsertWorkflowVersion_ShouldKeepEveryVersion_AndReadTheHighestAsCurrent()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        (await WriteAsync(store, s => s.InsertWorkflowVersionAsync(Workflow("lead", 1, """{"v":1}"""), Ct))).ShouldBeTrue();
        (await WriteAsync(store, s => s.InsertWorkflowVersionAsync(Workflow("lead", 2, """{"v":2}"""), Ct))).ShouldBeTrue();

        var current = await ReadAsync(store, s => s.ReadWorkflowAsync("lead", null, Ct));
        current.ShouldNotBeNull();
        current.Version.ShouldBe(2);
        current.Document.ShouldBe("""{"v":2}""");
        current.CreatedBy.ShouldBe("alice");
        current.CreatedAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 9, 2, 0, TimeSpan.Zero));
        (await ReadAsync(store, s => s.ReadWorkflowAsync("lead", 1, Ct)))!.Document.ShouldBe("""{"v":1}""");
        (await ReadAsync(store, s => s.GetWorkflowVersionsAsync("lead", Ct))).Select(w => w.Version).ShouldBe([1L, 2L]);
        (await ReadAsync(store, s => s.ReadWorkflowAsync("lead", 3, Ct))).ShouldBeNull();
        (await ReadAsync(store, s => s.ReadWorkflowAsync("other", null, Ct))).ShouldBeNull();
    }

    [SkippableFact]
    public async Task InsertWorkflowVersion_ShouldRefuse_WhenTheVersionDoesNotFollowTheCurrentOne()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.InsertWorkflowVersionAsync(Workflow("lead", 1), Ct));

        (await WriteAsync(store, s => s.InsertWorkflowVersionAsync(Workflow("lead", 1), Ct))).ShouldBeFalse();
        (await WriteAsync(store, s => s.InsertWorkflowVersionAsync(Workflow("lead", 3), Ct))).ShouldBeFalse();
        (await WriteAsync(store, s => s.InsertWorkflowVersionAsync(Workflow("new", 2), Ct))).ShouldBeFalse();
        (await ReadAsync(store, s => s.GetWorkflowVersionsAsync("lead", Ct))).Count.ShouldBe(1);
    }

    [SkippableFact]
    public async Task LoadWorkflows_ShouldReturnTheCurrentVersionOfEach_DeletedIncluded()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.InsertWorkflowVersionAsync(Workflow("b", 1), Ct));
        await WriteAsync(store, s => s.InsertWorkflowVersionAsync(Workflow("b", 2), Ct));
        await WriteAsync(store, s => s.InsertWorkflowVersionAsync(Workflow("a", 1), Ct));
        var deletedAt = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

        (await WriteAsync(store, s => s.SetWorkflowStateAsync("a", 1, false, deletedAt, Ct))).ShouldBeTrue();

        var all = await ReadAsync(store, s => s.LoadWorkflowsAsync(Ct));
        all.Select(w => (w.Name, w.Version)).ShouldBe([("a", 1L), ("b", 2L)]);
        all[0].Enabled.ShouldBeFalse();
        all[0].DeletedAt.ShouldBe(deletedAt);
        all[1].DeletedAt.ShouldBeNull();
    }

    [SkippableFact]
    public async Task SetWorkflowState_ShouldReturnFalse_WhenThereIsNoSuchVersion()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        (await WriteAsync(store, s => s.SetWorkflowStateAsync("ghost", 1, true, null, Ct))).ShouldBeFalse();
    }
}
