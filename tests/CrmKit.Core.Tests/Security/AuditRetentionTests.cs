using CrmKit.Core.Audit;
using CrmKit.Core.Tests.Outbox;
using CrmKit.Core.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Security;

/// <summary>Entries older than the retention are pruned; younger ones, and everything with no retention, stay.</summary>
public sealed class AuditRetentionTests
{
    [Fact]
    public async Task Prune_ShouldDeleteOnlyEntriesOlderThanTheRetention()
    {
        var clock = new ManualClock();
        await using var host = await OutboxTestHost.StartAsync(clock, b => b.Services.Configure<AuditOptions>(o =>
        {
            o.RetentionDays = 30;
            o.PruneBatchSize = 2;
        }));
        var old = await host.CreateAsync("note", """{"body": "old"}""");
        await host.Records.UpdateAsync(CrmTestHost.User, "note", old.Id, new() { ["body"] = "older" }, null);
        await host.Records.UpdateAsync(CrmTestHost.User, "note", old.Id, new() { ["body"] = "oldest" }, null);
        clock.Now += TimeSpan.FromDays(20);
        var young = await host.CreateAsync("note", """{"body": "young"}""");
        clock.Now += TimeSpan.FromDays(15);

        var pruned = await host.Services.GetRequiredService<AuditRetentionService>().PruneAsync(CancellationToken.None);

        pruned.ShouldBe(3);
        var trail = host.Services.GetRequiredService<IAuditTrail>();
        (await trail.GetHistoryAsync(CrmTestHost.User, "note", old.Id)).Items.ShouldBeEmpty();
        (await trail.GetHistoryAsync(CrmTestHost.User, "note", young.Id)).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Prune_ShouldKeepEverything_WithoutARetention()
    {
        var clock = new ManualClock();
        await using var host = await OutboxTestHost.StartAsync(clock);
        var note = await host.CreateAsync("note", """{"body": "kept"}""");
        clock.Now += TimeSpan.FromDays(3650);

        (await host.Services.GetRequiredService<AuditRetentionService>().PruneAsync(CancellationToken.None)).ShouldBe(0);
        (await host.Services.GetRequiredService<IAuditTrail>().GetHistoryAsync(CrmTestHost.User, "note", note.Id)).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SwitchedOffTrail_ShouldRecordNothing()
    {
        await using var host = await CrmTestHost.StartAsync(b => b.Services.Configure<AuditOptions>(o => o.Enabled = false));

        var note = await host.CreateAsync("note", """{"body": "unrecorded"}""");

        (await host.Services.GetRequiredService<IAuditTrail>().GetHistoryAsync(CrmTestHost.User, "note", note.Id)).Items.ShouldBeEmpty();
    }
}
