using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

/// <summary>The workflow runs journal and the scheduler's state.</summary>
public abstract partial class CrmStoreConformanceTests
{
    private static readonly DateTimeOffset RunStart = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static StoredWorkflowRun NewRun(string workflow, DateTimeOffset createdAt, string status = "pending") => new()
    {
        Id = Guid.CreateVersion7(createdAt),
        Workflow = workflow,
        WorkflowVersion = 3,
        Status = status,
        TriggerType = "record.created",
        Entity = "lead",
        RecordId = Guid.CreateVersion7(),
        TriggerData = """{"payload":{}}""",
        StepId = "assign",
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };

    [SkippableFact]
    public async Task WorkflowRun_ShouldRoundTrip_AndUpdateMutableColumns()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var run = NewRun("lead-assignment", RunStart);
        await WriteAsync(store, s => s.InsertWorkflowRunAsync(run, Ct));

        run.Status = "failed";
        run.StepIndex = 1;
        run.StepId = "task";
        run.Error = "boom";
        run.FinishedAt = RunStart.AddMinutes(1);
        (await WriteAsync(store, s => s.UpdateWorkflowRunAsync(run, Ct))).ShouldBeTrue();

        var read = await ReadAsync(store, s => s.GetWorkflowRunAsync(run.Id, Ct));
        read.ShouldNotBeNull();
        (read.Workflow, read.WorkflowVersion, read.Status, read.StepIndex, read.StepId, read.Error).ShouldBe(("lead-assignment", 3L, "failed", 1, "task", "boom"));
        (read.Entity, read.RecordId, read.TriggerData, read.CreatedAt, read.FinishedAt).ShouldBe((run.Entity, run.RecordId, run.TriggerData, RunStart, run.FinishedAt));
        (await ReadAsync(store, s => s.GetWorkflowRunAsync(Guid.NewGuid(), Ct))).ShouldBeNull();
    }

    [SkippableFact]
    public async Task ListWorkflowRuns_ShouldReturnNewestFirst_FilteredByWorkflowAndStatus()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var runs = Enumerable.Range(0, 4).Select(i => NewRun("a", RunStart.AddMinutes(i), i % 2 == 0 ? "completed" : "failed")).ToList();
        foreach (var run in runs.Append(NewRun("b", RunStart)))
        {
            await WriteAsync(store, s => s.InsertWorkflowRunAsync(run, Ct));
        }

        (await ReadAsync(store, s => s.ListWorkflowRunsAsync("a", null, 10, Ct))).Select(r => r.Id).ShouldBe(runs.Select(r => r.Id).Reverse());
        (await ReadAsync(store, s => s.ListWorkflowRunsAsync("a", "failed", 10, Ct))).Select(r => r.Id).ShouldBe([runs[3].Id, runs[1].Id]);
        (await ReadAsync(store, s => s.ListWorkflowRunsAsync("a", null, 1, Ct))).Single().Id.ShouldBe(runs[3].Id);
    }

    [SkippableFact]
    public async Task SaveWorkflowStep_ShouldReplaceTheRowOfTheSameStep_AndListInStepOrder()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var runId = Guid.NewGuid();
        StoredWorkflowStep Step(int index, string status, int attempts) => new()
        {
            RunId = runId, StepIndex = index, StepId = "s" + index, Action = "webhook", Status = status, Attempts = attempts,
            StartedAt = RunStart, FinishedAt = RunStart.AddSeconds(2), Input = """{"url":"x"}""", Output = null, Error = status == "failed" ? "503" : null,
        };

        await WriteAsync(store, s => s.SaveWorkflowStepAsync(Step(1, "failed", 1), Ct));
        await WriteAsync(store, s => s.SaveWorkflowStepAsync(Step(0, "completed", 1), Ct));
        await WriteAsync(store, s => s.SaveWorkflowStepAsync(Step(1, "completed", 2), Ct));

        var steps = await ReadAsync(store, s => s.ListWorkflowStepsAsync(runId, Ct));
        steps.Select(s => (s.StepId, s.Status, s.Attempts, s.Error)).ShouldBe([("s0", "completed", 1, (string?)null), ("s1", "completed", 2, null)]);
        steps[0].Input.ShouldBe("""{"url":"x"}""");
        steps[0].FinishedAt.ShouldBe(RunStart.AddSeconds(2));
    }

    [SkippableFact]
    public async Task ScheduleEntries_ShouldUpsertDelete_AndListDueOnesEarliestFirst()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var record = Guid.NewGuid();
        await WriteAsync(store, s => s.SetScheduleEntryAsync(new StoredScheduleEntry { Key = "cron:a", Workflow = "a", Value = "x" }, Ct));
        await WriteAsync(store, s => s.SetScheduleEntryAsync(new StoredScheduleEntry { Key = "date:b:2", Workflow = "b", DueAt = RunStart.AddHours(2) }, Ct));
        await WriteAsync(store, s => s.SetScheduleEntryAsync(new StoredScheduleEntry
        {
            Key = "date:b:1", Workflow = "b", Entity = "activity", RecordId = record, DueAt = RunStart.AddHours(1),
        }, Ct));
        await WriteAsync(store, s => s.SetScheduleEntryAsync(new StoredScheduleEntry { Key = "cron:a", Workflow = "a", Value = "y" }, Ct));

        (await ReadAsync(store, s => s.GetScheduleEntryAsync("cron:a", Ct)))!.Value.ShouldBe("y");
        (await ReadAsync(store, s => s.ListDueScheduleEntriesAsync(RunStart.AddHours(1), 10, Ct))).Single().RecordId.ShouldBe(record);
        (await ReadAsync(store, s => s.ListDueScheduleEntriesAsync(RunStart.AddDays(1), 10, Ct))).Select(e => e.Key).ShouldBe(["date:b:1", "date:b:2"]);
        (await WriteAsync(store, s => s.DeleteScheduleEntryAsync("date:b:1", Ct))).ShouldBeTrue();
        (await WriteAsync(store, s => s.DeleteScheduleEntryAsync("date:b:1", Ct))).ShouldBeFalse();
        (await ReadAsync(store, s => s.GetScheduleEntryAsync("date:b:1", Ct))).ShouldBeNull();
    }
}
