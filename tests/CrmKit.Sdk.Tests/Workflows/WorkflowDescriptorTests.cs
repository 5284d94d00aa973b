using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Tests.Fakes;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Sdk.Tests.Workflows;

public class WorkflowDescriptorTests
{
    [Fact]
    public void ActionDescriptor_ShouldCopyParametersSchema()
    {
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["inn"] = new JsonObject { ["type"] = "string" } },
        };

        var descriptor = new WorkflowActionDescriptor("egrul.refresh", LocalizedText.Of("Refresh from EGRUL"), schema);
        schema["properties"]!["inn"]!["type"] = "integer";
        descriptor.GetParametersSchema()["required"] = new JsonArray("inn");

        var copy = descriptor.GetParametersSchema();
        ((string?)copy["properties"]!["inn"]!["type"]).ShouldBe("string");
        copy.ContainsKey("required").ShouldBeFalse();
    }

    [Fact]
    public void ActionDescriptor_ShouldAcceptAnyObject_WhenSchemaIsNull()
    {
        var descriptor = new WorkflowActionDescriptor("test.noop", LocalizedText.Of("Nothing"));

        JsonNode.DeepEquals(descriptor.GetParametersSchema(), new JsonObject { ["type"] = "object" }).ShouldBeTrue();
    }

    [Fact]
    public void ActionDescriptor_ShouldThrow_WhenTypeIsBlank()
    {
        Should.Throw<ArgumentException>(() => new WorkflowActionDescriptor(" ", LocalizedText.Of("x")));
    }

    [Fact]
    public void TriggerDescriptor_ShouldCopyParametersSchema()
    {
        var schema = new JsonObject { ["type"] = "object" };

        var descriptor = new WorkflowTriggerDescriptor("telephony.call_missed", LocalizedText.Of("Missed call"), schema);
        schema["type"] = "array";

        ((string?)descriptor.GetParametersSchema()["type"]).ShouldBe("object");
        descriptor.ToString().ShouldBe("telephony.call_missed");
    }

    [Fact]
    public void TriggerBase_ShouldMatchEveryEvent()
    {
        var trigger = new CallMissedTrigger();
        var context = new WorkflowTriggerMatchContext
        {
            Event = new WorkflowEvent
            {
                TriggerType = "telephony.call_missed",
                Payload = [],
                OccurredAt = DateTimeOffset.UnixEpoch,
                Principal = CrmPrincipal.System,
                IdempotencyKey = "call-1",
            },
            WorkflowId = "call-back",
            Parameters = new JsonObject { ["line"] = "sales" },
        };

        trigger.Matches(context).ShouldBeTrue();
    }
}
