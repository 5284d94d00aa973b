using System.Text.Json.Nodes;
using CrmKit.Core.Audit;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Security;

/// <summary>
/// Plugin code acts as the user whose operation it hooks (context.Principal), so it can do no more than that user; for
/// work of its own it declares a service account (<see cref="IServicePrincipalProvider"/>). Its writes are audited as
/// made through the plugin channel by its module.
/// </summary>
public sealed class PluginIdentityTests
{
    [Fact]
    public async Task HookWrite_ShouldBeCheckedAsTheTriggeringUser_AndRollTheOperationBack()
    {
        await using var host = await CrmTestHost.StartAsync(b => b.AddRecordHook<NoteAsUser>());
        await host.SaveRoleAsync("dealer", """{"entities": {"deal": {"create": "own", "read": "own"}}}""");
        await host.AddUserAsync("dan", "user", "dealer");

        var e = await Should.ThrowAsync<CrmException>(() =>
            host.Records.CreateAsync(host.PrincipalOf("dan"), "deal", [Deal()]));

        e.Code.ShouldBe("access.denied");
        e.Extensions["hook"].ShouldBe("note-on-deal");
        (await host.CountAsync("deal")).ShouldBe(0);
        (await host.CountAsync("note")).ShouldBe(0);
    }

    [Fact]
    public async Task HookWrite_ShouldBeAuditedThroughThePluginChannel_AsTheUser()
    {
        await using var host = await CrmTestHost.StartAsync(b => b.AddRecordHook<NoteAsUser>());
        await host.SaveRoleAsync("dealer", """{"entities": {"deal": {"create": "own", "read": "own"}, "note": {"create": "own", "read": "own"}}}""");
        await host.AddUserAsync("dan", "user", "dealer");

        await host.Records.CreateAsync(host.PrincipalOf("dan"), "deal", [Deal()]);

        var note = (await host.Records.QueryAsync(CrmTestHost.User, "note", new RecordQuery())).Items.Single();
        var entry = (await host.Services.GetRequiredService<IAuditTrail>().GetHistoryAsync(CrmTestHost.User, "note", note.Id)).Items.Single();
        entry.UserId.ShouldBe("dan");
        entry.Channel.ShouldBe("plugin");
        entry.Source.ShouldBe("host");
        var deal = (await host.Records.QueryAsync(CrmTestHost.User, "deal", new RecordQuery())).Items.Single();
        (await host.Services.GetRequiredService<IAuditTrail>().GetHistoryAsync(CrmTestHost.User, "deal", deal.Id)).Items.Single().Channel.ShouldBe("rest");
    }

    [Fact]
    public async Task ServicePrincipal_ShouldLetThePluginDoWhatItsAccountMay()
    {
        await using var host = await CrmTestHost.StartAsync(b => b.AddRecordHook<NoteAsService>());
        await host.SaveRoleAsync("dealer", """{"entities": {"deal": {"create": "own", "read": "own"}}}""");
        await host.SaveRoleAsync("note-writer", """{"entities": {"note": {"create": "all", "read": "all"}}}""");
        await host.AddUserAsync("dan", "user", "dealer");
        await host.AddUserAsync("svc-notes", "service", "note-writer");

        await host.Records.CreateAsync(host.PrincipalOf("dan"), "deal", [Deal()]);

        var note = (await host.Records.QueryAsync(CrmTestHost.User, "note", new RecordQuery())).Items.Single();
        note.CreatedBy.ShouldBe("svc-notes");
        (await host.Services.GetRequiredService<IAuditTrail>().GetHistoryAsync(CrmTestHost.User, "note", note.Id)).Items.Single().UserId.ShouldBe("svc-notes");
    }

    [Fact]
    public async Task ServicePrincipal_ShouldBeRefused_ForAPersonsAccountOrAnUnknownOne()
    {
        await using var host = await CrmTestHost.StartAsync();
        await host.AddUserAsync("dan", "user");
        var provider = host.Services.GetRequiredService<IServicePrincipalProvider>();

        Should.Throw<CrmException>(() => provider.GetServicePrincipal("dan")).Code.ShouldBe("service.not_found");
        Should.Throw<CrmException>(() => provider.GetServicePrincipal("nobody")).Code.ShouldBe("service.not_found");
    }

    private static JsonObject Deal() => new() { ["title"] = "Поставка", ["stage"] = "new" };

    private sealed class NoteAsUser() : NoteOnDeal(useService: false);

    private sealed class NoteAsService() : NoteOnDeal(useService: true);

    /// <summary>Adds a note when a deal is created: as the user, or as the service account svc-notes.</summary>
    private abstract class NoteOnDeal(bool useService) : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = "note-on-deal", Entity = "deal", Stage = PipelineStage.PostOperation, Operations = [RecordOperation.Create],
        };

        public async ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            var actor = useService
                ? context.Services.GetRequiredService<IServicePrincipalProvider>().GetServicePrincipal("svc-notes")
                : context.Principal;
            await context.Services.GetRequiredService<IRecordService>().CreateAsync(
                actor, "note", [new JsonObject { ["body"] = "Deal created" }], cancellationToken);
        }
    }
}
