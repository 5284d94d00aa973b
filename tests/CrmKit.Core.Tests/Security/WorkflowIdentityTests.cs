using System.Text.Json.Nodes;
using CrmKit.Core.Audit;
using CrmKit.Core.Security;
using CrmKit.Core.Tests.Outbox;
using CrmKit.Core.Tests.Services;
using CrmKit.Core.Tests.Workflows.Engine;
using CrmKit.Core.Workflows;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Security;

/// <summary>Whom workflow steps act as: the triggering user with the account's current roles, or the declared service account.</summary>
public sealed class WorkflowIdentityTests
{
    private const string CreateLead = """
        {"name": "make-lead", "enabled": true, "trigger": {"type": "manual"},
         "steps": [{"id": "lead", "action": "create_record", "parameters": {"entity": "lead", "values": {"title": "From a run"}}}]}
        """;

    [Fact]
    public async Task Run_ShouldActAsTheTriggeringUser_AndFail_WhenThatUserMayNotDoTheStep()
    {
        await using var host = await WorkflowTestHost.StartAsync(new ManualClock());
        await host.SaveRoleAsync("lead-reader", """{"entities": {"lead": {"read": "all"}}}""");
        await host.AddUserAsync("viewer", "user", "lead-reader");
        await host.SaveWorkflowAsync(CreateLead);

        var run = await host.Runs().StartAsync("make-lead", null, null, host.PrincipalOf("viewer"));
        await host.DrainAsync();

        var (finished, _) = await host.Runs().GetAsync(run.Id);
        finished.Status.ShouldBe(WorkflowRunStatus.Failed);
        finished.Error.ShouldNotBeNull().ShouldContain("lead");
        (await host.CountAsync("lead")).ShouldBe(0);
    }

    [Fact]
    public async Task Run_ShouldActAsItsServiceAccount_WhenDeclared_AndBeAuditedAsTheWorkflow_AndOnlyManagersStartItByHand()
    {
        await using var host = await WorkflowTestHost.StartAsync(new ManualClock());
        await host.SaveRoleAsync("lead-reader", """{"entities": {"lead": {"read": "all"}}}""");
        await host.SaveRoleAsync("lead-maker", """{"entities": {"lead": {"create": "all", "read": "all"}}}""");
        await host.AddUserAsync("viewer", "user", "lead-reader");
        await host.AddUserAsync("svc-leads", "service", "lead-maker");
        var document = JsonNode.Parse(CreateLead)!.AsObject();
        document["runAs"] = "svc-leads";
        await host.SaveWorkflowAsync(document.ToJsonString());
        await host.SaveRoleAsync("flow-admin", """{"privileges": ["workflows.manage"]}""");
        await host.AddUserAsync("flows", "user", "flow-admin");

        var escalation = await Should.ThrowAsync<CrmException>(() => host.Runs().StartAsync("make-lead", null, null, host.PrincipalOf("viewer")));
        await host.Runs().StartAsync("make-lead", null, null, host.PrincipalOf("flows"));
        await host.DrainAsync();

        escalation.Code.ShouldBe("access.privilege_required", "starting it by hand would lend the viewer the service account's rights");
        (await host.Runs().ListAsync("make-lead")).Count.ShouldBe(1);

        var lead = (await host.Records.QueryAsync(CrmTestHost.User, "lead", new RecordQuery())).Items.Single();
        lead.CreatedBy.ShouldBe("svc-leads");
        lead.OwnerId.ShouldBe("svc-leads");
        var entry = (await host.Services.GetRequiredService<IAuditTrail>().GetHistoryAsync(CrmTestHost.User, "lead", lead.Id)).Items.Single();
        entry.UserId.ShouldBe("svc-leads");
        entry.Channel.ShouldBe("workflow");
        entry.Source.ShouldBe("workflow:make-lead");
    }

    [Fact]
    public async Task RunAs_ShouldNeedTheSecurityPrivilege_AndNameAnActiveServiceAccount()
    {
        await using var host = await WorkflowTestHost.StartAsync(new ManualClock());
        await host.SaveRoleAsync("flow-admin", """{"privileges": ["workflows.manage"]}""");
        await host.AddUserAsync("flows", "user", "flow-admin");
        await host.AddUserAsync("person", "user");
        var definitions = host.Services.GetRequiredService<IWorkflowDefinitionService>();
        var asService = JsonNode.Parse(CreateLead)!.AsObject();
        asService["runAs"] = "person";

        var denied = await Should.ThrowAsync<CrmException>(() => definitions.SaveAsync((JsonObject)asService.DeepClone(), null, host.PrincipalOf("flows")));
        var invalid = await Should.ThrowAsync<CrmException>(() => definitions.SaveAsync(asService, null, CrmTestHost.User));

        denied.Code.ShouldBe("access.privilege_required");
        invalid.Errors.Single().Pointer.ShouldBe("/runAs");
        invalid.Errors.Single().Code.ShouldBe("workflow.run_as_invalid");
        asService["runAs"] = WorkflowRunAs.TriggeringUser;
        (await definitions.SaveAsync(asService, null, host.PrincipalOf("flows"))).RunAs.ShouldBeNull();
    }

    [Fact]
    public async Task UserlessTrigger_ShouldActAsTheAuthorOfTheVersion_AndBeRefusedOnceTheAuthorIsDeactivated()
    {
        await using var host = await WorkflowTestHost.StartAsync(new ManualClock());
        await host.SaveRoleAsync("flow-admin", """{"privileges": ["workflows.manage"], "entities": {"lead": {"create": "all"}}}""");
        await host.AddUserAsync("author", "user", "flow-admin");
        await host.AddUserAsync("keeper", "user", "administrator");
        var identity = host.Services.GetRequiredService<WorkflowIdentity>();
        var scheduled = new WorkflowEvent
        {
            TriggerType = "schedule",
            Payload = [],
            OccurredAt = DateTimeOffset.UtcNow,
            Principal = CrmPrincipal.System.WithChannel(CrmChannel.Workflow),
            IdempotencyKey = "k",
        };

        var byAuthor = identity.Resolve(Definition(createdBy: "author"), scheduled);
        var byHost = identity.Resolve(Definition(createdBy: "system"), scheduled);
        await host.Directory().UpdateUserAsync(CrmTestHost.User, "author", new JsonObject { ["active"] = false }, null);
        var refused = Should.Throw<CrmException>(() => identity.Resolve(Definition(createdBy: "author"), scheduled));

        byAuthor.UserId.ShouldBe("author");
        byAuthor.Roles.ShouldBe(["flow-admin"]);
        byAuthor.Channel.ShouldBe(CrmChannel.Workflow);
        byHost.UserId.ShouldBe("system");
        refused.Code.ShouldBe("workflow.author_inactive");
    }

    [Fact]
    public async Task TriggeringUser_ShouldActWithTheRolesTheAccountHoldsNow()
    {
        await using var host = await WorkflowTestHost.StartAsync(new ManualClock());
        await host.SaveRoleAsync("lead-maker", """{"entities": {"lead": {"create": "all", "read": "all"}}}""");
        await host.AddUserAsync("maker", "user", "lead-maker");
        var identity = host.Services.GetRequiredService<WorkflowIdentity>();
        var stale = new CrmPrincipal("maker", "maker", ["administrator"], CrmChannel.Rest);
        var trigger = new WorkflowEvent { TriggerType = "manual", Payload = [], OccurredAt = DateTimeOffset.UtcNow, Principal = stale, IdempotencyKey = "k" };

        var actor = identity.Resolve(Definition(createdBy: "x"), trigger);

        actor.Roles.ShouldBe(["lead-maker"]);
        actor.Channel.ShouldBe(CrmChannel.Workflow);
    }

    private static WorkflowDefinition Definition(string createdBy) => new()
    {
        Name = "w",
        Version = 1,
        Enabled = true,
        Trigger = new WorkflowTriggerDefinition { Type = "schedule", Parameters = [] },
        Steps = [],
        Document = [],
        CreatedBy = createdBy,
    };
}
