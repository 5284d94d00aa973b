using System.Text.Json.Nodes;
using CrmKit.Core.Tests.Services;
using CrmKit.Core.Workflows;
using CrmKit.Sdk.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Workflows.Definitions;

public sealed class WorkflowValidationTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    private IWorkflowDefinitionService Definitions => _host.Services.GetRequiredService<IWorkflowDefinitionService>();

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync(b => b.AddModule(new WorkflowTestModule()));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(WorkflowDocuments.LeadAssignment)]
    [InlineData(WorkflowDocuments.Reminder)]
    [InlineData(WorkflowDocuments.Morning)]
    public void Validate_ShouldAcceptTheContractExamples(string json) =>
        Definitions.Validate(WorkflowDocuments.Parse(json)).ShouldBeEmpty();

    [Fact]
    public void Validate_ShouldAcceptPluginActionsAndTriggers_WhenRegistered()
    {
        var document = WorkflowDocuments.Parse(
            """
            {"name": "missed", "trigger": {"type": "telephony.call_missed", "parameters": {}},
             "steps": [{"id": "x", "action": "egrul.refresh", "parameters": {"inn": "{{ record.inn }}"}}]}
            """);

        Definitions.Validate(document).ShouldBeEmpty();
    }

    [Fact]
    public void GetSchema_ShouldBeDraft202012_AndRequireNameTriggerAndSteps()
    {
        var schema = Definitions.GetSchema();

        schema["$schema"]!.GetValue<string>().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["name", "trigger", "steps"]);
    }

    public static TheoryData<string, string, string> Problems() => new()
    {
        // The published schema.
        { """{"name": "Bad Name!"}""", WorkflowErrorCodes.Invalid, "/name" },
        { """{"color": "red"}""", WorkflowErrorCodes.Invalid, "/color" },
        { """{"steps": []}""", WorkflowErrorCodes.Invalid, "/steps" },
        { """{"trigger": {"type": "manual", "cron": 5}}""", WorkflowErrorCodes.Invalid, "/trigger/cron" },
        // Checks beyond it.
        { """{"steps": [{"id": "a", "action": "delay", "parameters": {"duration": "PT1M"}}, {"id": "a", "action": "delay", "parameters": {"duration": "PT1M"}}]}""", WorkflowErrorCodes.DuplicateStep, "/steps/1/id" },
        { """{"steps": [{"id": "a", "action": "teleport"}]}""", WorkflowErrorCodes.UnknownAction, "/steps/0/action" },
        { """{"trigger": {"type": "telepathy"}}""", WorkflowErrorCodes.UnknownTrigger, "/trigger/type" },
        { """{"trigger": {"type": "schedule", "cron": "61 * * * *"}}""", WorkflowErrorCodes.InvalidCron, "/trigger/cron" },
        { """{"trigger": {"type": "schedule", "cron": "0 9 * * *", "timeZone": "Mars/Olympus"}}""", WorkflowErrorCodes.InvalidTimeZone, "/trigger/timeZone" },
        { """{"trigger": {"type": "date.relative", "entity": "activity", "field": "due_at", "offset": "one day"}}""", WorkflowErrorCodes.InvalidOffset, "/trigger/offset" },
        { """{"trigger": {"type": "record.created", "entity": "spaceship"}}""", WorkflowErrorCodes.UnknownEntity, "/trigger/entity" },
        { """{"trigger": {"type": "record.updated", "entity": "deal", "fields": ["stage", "warp"]}}""", WorkflowErrorCodes.UnknownField, "/trigger/fields/1" },
        { """{"trigger": {"type": "record.updated", "entity": "deal", "to": {"warp": 9}}}""", WorkflowErrorCodes.UnknownField, "/trigger/to/warp" },
        { """{"trigger": {"type": "date.relative", "entity": "activity", "field": "subject", "offset": "P1D"}}""", WorkflowErrorCodes.Invalid, "/trigger/field" },
        { """{"trigger": {"type": "date.relative", "entity": "activity", "field": "nope", "offset": "P1D"}}""", WorkflowErrorCodes.UnknownField, "/trigger/field" },
        { """{"trigger": {"type": "schedule"}}""", WorkflowErrorCodes.Invalid, "/trigger/cron" },
        { """{"trigger": {"type": "record.created", "entity": "lead", "cron": "* * * * *"}}""", WorkflowErrorCodes.Invalid, "/trigger/cron" },
        { """{"condition": "record.amount >"}""", WorkflowErrorCodes.InvalidExpression, "/condition" },
        { """{"steps": [{"id": "a", "action": "delay", "condition": "(((", "parameters": {"duration": "PT1M"}}]}""", WorkflowErrorCodes.InvalidExpression, "/steps/0/condition" },
        { """{"steps": [{"id": "a", "action": "create_record", "parameters": {"entity": "activity", "values": {"subject": "Call {{ record.name + }}"}}}]}""", WorkflowErrorCodes.InvalidExpression, "/steps/0/parameters/values/subject" },
        { """{"steps": [{"id": "a", "action": "create_record", "parameters": {"entity": "spaceship", "values": {}}}]}""", WorkflowErrorCodes.UnknownEntity, "/steps/0/parameters/entity" },
        { """{"steps": [{"id": "a", "action": "assign_owner", "parameters": {"strategy": "random", "members": ["u1"]}}]}""", WorkflowErrorCodes.Invalid, "/steps/0/parameters/strategy" },
        { """{"steps": [{"id": "a", "action": "delay", "parameters": {"duration": "soon"}}]}""", WorkflowErrorCodes.InvalidOffset, "/steps/0/parameters/duration" },
        { """{"steps": [{"id": "a", "action": "egrul.refresh", "parameters": {}}]}""", WorkflowErrorCodes.Invalid, "/steps/0/parameters/inn" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task Save_ShouldFailWithCodeAndPointer_AndWriteNothing_WhenDocumentIsInvalid(string patch, string code, string pointer)
    {
        var document = WorkflowDocuments.Lead(d =>
        {
            foreach (var (name, value) in WorkflowDocuments.Parse(patch))
            {
                d[name] = value?.DeepClone();
            }
        });

        var error = await Should.ThrowAsync<CrmException>(() => Definitions.SaveAsync(document, null, CrmTestHost.User));

        error.Kind.ShouldBe(CrmErrorKind.Validation);
        error.Code.ShouldBe(WorkflowErrorCodes.Invalid);
        error.Errors.ShouldContain(e => e.Code == code && e.Pointer == pointer, Describe(error.Errors));
        error.Errors.ShouldAllBe(e => e.Message.Get(System.Globalization.CultureInfo.GetCultureInfo("ru")).Length > 0);
        (await Definitions.ListAsync(includeDeleted: true)).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_ShouldReportEveryProblem_NotOnlyTheFirst()
    {
        var document = WorkflowDocuments.Lead(d =>
        {
            d["trigger"] = new JsonObject { ["type"] = "record.created", ["entity"] = "spaceship" };
            d["condition"] = "(((";
        });

        var errors = Definitions.Validate(document);

        errors.Select(e => e.Pointer).ShouldBe(["/trigger/entity", "/condition"], ignoreOrder: true);
    }

    private static string Describe(IReadOnlyList<CrmError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Code} at {e.Pointer}: {e.Message}"));
}
