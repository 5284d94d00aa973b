using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

/// <summary>
/// The security directory (versioned documents per kind and id, written with a compare-and-set), its revision counter,
/// and the audit trail (appended in order, read per record newest first with a cursor, pruned oldest first).
/// </summary>
public abstract partial class CrmStoreConformanceTests
{
    private static readonly DateTimeOffset AuditStart = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static StoredSecurityObject Security(string kind, string id, string document) => new()
    {
        Kind = kind, Id = id, Document = document, UpdatedAt = AuditStart, UpdatedBy = "admin",
    };

    private static StoredAuditEntry Audit(Guid record, long version, DateTimeOffset at, string operation = "update", string user = "ivan") => new()
    {
        Entity = ConformanceModel.Entity,
        RecordId = record,
        Operation = operation,
        At = at,
        UserId = user,
        UserName = user + " (name)",
        Channel = "rest",
        Source = operation == "create" ? null : "workflow:w",
        RecordVersion = version,
        OldValues = operation == "create" ? null : $$"""{"n":{{version - 1}}}""",
        NewValues = $$"""{"n":{{version}},"text":"Привет \"мир\""}""",
    };

    [SkippableFact]
    public async Task SecurityObjects_ShouldBeWrittenWithCompareAndSet_ListedByKindInIdOrder_AndDeleted()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        await WriteAsync(store, s => s.WriteSecurityObjectAsync(Security("user", "petr", """{"a":1}"""), 0, Ct));
        await WriteAsync(store, s => s.WriteSecurityObjectAsync(Security("user", "anna", """{"a":2}"""), 0, Ct));
        await WriteAsync(store, s => s.WriteSecurityObjectAsync(Security("role", "anna", """{"r":1}"""), 0, Ct));
        await WriteAsync(store, s => s.WriteSecurityObjectAsync(Security("user", "petr", """{"a":3}"""), 1, Ct));
        var stale = await Should.ThrowAsync<SecurityObjectConcurrencyException>(
            () => WriteAsync(store, s => s.WriteSecurityObjectAsync(Security("user", "petr", """{"a":4}"""), 1, Ct)));
        var duplicate = await Should.ThrowAsync<SecurityObjectConcurrencyException>(
            () => WriteAsync(store, s => s.WriteSecurityObjectAsync(Security("user", "anna", """{"a":5}"""), 0, Ct)));

        var users = await ReadAsync(store, s => s.ListSecurityObjectsAsync("user", Ct));
        users.Select(u => u.Id).ShouldBe(["anna", "petr"]);
        users[1].Document.ShouldBe("""{"a":3}""");
        users[1].Version.ShouldBe(2);
        users[1].UpdatedBy.ShouldBe("admin");
        users[1].UpdatedAt.ShouldBe(AuditStart);
        (stale.Kind, stale.Id, stale.ExpectedVersion).ShouldBe(("user", "petr", 1L));
        duplicate.Id.ShouldBe("anna");
        (await ReadAsync(store, s => s.ReadSecurityObjectAsync("role", "anna", Ct)))!.Document.ShouldBe("""{"r":1}""");
        (await ReadAsync(store, s => s.ReadSecurityObjectAsync("user", "Anna", Ct))).ShouldBeNull("ids are exact");

        await Should.ThrowAsync<SecurityObjectConcurrencyException>(() => WriteAsync(store, s => s.DeleteSecurityObjectAsync("user", "petr", 1, Ct)));
        await WriteAsync(store, s => s.DeleteSecurityObjectAsync("user", "petr", 2, Ct));
        await Should.ThrowAsync<SecurityObjectConcurrencyException>(() => WriteAsync(store, s => s.DeleteSecurityObjectAsync("user", "petr", 2, Ct)));
        (await ReadAsync(store, s => s.ListSecurityObjectsAsync("user", Ct))).Select(u => u.Id).ShouldBe(["anna"]);
    }

    [SkippableFact]
    public async Task SecurityRevision_ShouldStartAtZero_AndGrowOnlyWithCommittedIncrements()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        (await ReadAsync(store, s => s.ReadSecurityRevisionAsync(Ct))).ShouldBe(0);
        (await WriteAsync(store, s => s.IncrementSecurityRevisionAsync(Ct))).ShouldBe(1);
        await using (var rolledBack = await store.BeginAsync(write: true, Ct))
        {
            (await rolledBack.IncrementSecurityRevisionAsync(Ct)).ShouldBe(2);
        }

        (await ReadAsync(store, s => s.ReadSecurityRevisionAsync(Ct))).ShouldBe(1);
        (await WriteAsync(store, s => s.IncrementSecurityRevisionAsync(Ct))).ShouldBe(2);
    }

    [SkippableFact]
    public async Task Audit_ShouldKeepEveryMember_AndReadOneRecordNewestFirst_PageByPage()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var record = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();

        // 70 entries in one call (a bulk operation; PostgreSQL copies batches this large), then single ones.
        var bulk = Enumerable.Range(1, 70).Select(i => Audit(i % 2 == 0 ? record : other, i, AuditStart, "create", "bulk")).ToList();
        await WriteAsync(store, s => s.AppendAuditAsync(bulk, Ct));
        await WriteAsync(store, s => s.AppendAuditAsync([Audit(record, 71, AuditStart.AddMinutes(1)), Audit(other, 72, AuditStart.AddMinutes(1), user: "anna")], Ct));

        var newest = await ReadAsync(store, s => s.ReadAuditAsync(ConformanceModel.Entity, record, null, 10, Ct));
        var next = await ReadAsync(store, s => s.ReadAuditAsync(ConformanceModel.Entity, record, newest[^1].Sequence, 100, Ct));

        newest.Count.ShouldBe(10);
        newest.Select(e => e.RecordVersion).ShouldBe([71, 70, 68, 66, 64, 62, 60, 58, 56, 54]);
        newest.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Descending);
        next.Select(e => e.RecordVersion).ShouldBe(Enumerable.Range(1, 26).Select(i => (long)(54 - 2 * i)).ToArray());
        var latest = newest[0];
        (latest.Entity, latest.RecordId, latest.Operation, latest.UserId, latest.UserName, latest.Channel, latest.Source)
            .ShouldBe((ConformanceModel.Entity, record, "update", "ivan", "ivan (name)", "rest", "workflow:w"));
        latest.At.ShouldBe(AuditStart.AddMinutes(1));
        latest.OldValues.ShouldBe("""{"n":70}""");
        latest.NewValues.ShouldBe("""{"n":71,"text":"Привет \"мир\""}""");
        var created = next[^1];
        (created.Operation, created.UserId, created.Source, created.OldValues).ShouldBe(("create", "bulk", (string?)null, (string?)null));
        (await ReadAsync(store, s => s.ReadAuditAsync("other_entity", record, null, 10, Ct))).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Audit_ShouldAppendNothing_WhenTheTransactionRollsBack()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var record = Guid.CreateVersion7();

        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            await session.AppendAuditAsync([Audit(record, 1, AuditStart, "create")], Ct);
        }

        (await ReadAsync(store, s => s.ReadAuditAsync(ConformanceModel.Entity, record, null, 10, Ct))).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task PruneAudit_ShouldDeleteTheOldestEntriesBeforeTheCutOff_InBatches_AndKeepTheRest()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var record = Guid.CreateVersion7();
        var entries = Enumerable.Range(0, 25).Select(day => Audit(record, day + 1, AuditStart.AddDays(day))).ToList();
        await WriteAsync(store, s => s.AppendAuditAsync(entries, Ct));
        var cutOff = AuditStart.AddDays(10);

        var first = await WriteAsync(store, s => s.PruneAuditAsync(cutOff, 4, Ct));
        var second = await WriteAsync(store, s => s.PruneAuditAsync(cutOff, 100, Ct));
        var third = await WriteAsync(store, s => s.PruneAuditAsync(cutOff, 100, Ct));

        (first, second, third).ShouldBe((4, 6, 0));
        var left = await ReadAsync(store, s => s.ReadAuditAsync(ConformanceModel.Entity, record, null, 100, Ct));
        left.Select(e => e.RecordVersion).Order().ShouldBe(Enumerable.Range(11, 15).Select(v => (long)v).ToArray());
        left.Min(e => e.At).ShouldBe(cutOff);
    }
}
