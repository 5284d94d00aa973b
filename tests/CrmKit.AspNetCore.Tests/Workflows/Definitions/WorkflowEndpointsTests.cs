using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Workflows.Definitions;

/// <summary><c>/api/workflows</c> over the real server and SQLite file; each test uses workflows of its own names.</summary>
public sealed class WorkflowEndpointsTests(CrmKitServerFactory factory) : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api = new(factory.CreateClient());

    private static string NewName() => "wf-" + Guid.NewGuid().ToString("N")[..10];

    private static string Document(string name, string title = "Assign new leads", string entity = "lead") =>
        $$$$"""
        {
          "name": "{{{{name}}}}",
          "title": "{{{{title}}}}",
          "trigger": {"type": "record.created", "entity": "{{{{entity}}}}"},
          "steps": [
            {"id": "assign", "action": "assign_owner", "parameters": {"strategy": "round_robin", "members": ["u1", "u2"]}},
            {"id": "task", "action": "create_record", "parameters": {"entity": "activity", "values": {"subject": "Call {{ record.name }}"}}}
          ]
        }
        """;

    private Task<HttpResponseMessage> PutAsync(string name, string json, string? ifMatch = null, string query = "") =>
        _api.SendJsonAsync(HttpMethod.Put, $"/api/workflows/{name}{query}", json, ifMatch);

    [Fact]
    public async Task GetSchema_ShouldServeTheWorkflowJsonSchema()
    {
        var schema = await _api.GetJsonAsync("/api/workflows/schema");

        schema["$schema"]!.GetValue<string>().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        schema["properties"]!["steps"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Put_ShouldCreateVersionOne_ThenVersionTwo_AndKeepVersionOneReadable()
    {
        var name = NewName();

        using var first = await PutAsync(name, Document(name), query: "?version=0");
        var created = await first.ShouldBeJsonAsync(HttpStatusCode.Created);
        using var second = await PutAsync(name, Document(name, "Second"), ifMatch: "\"1\"");
        var updated = await second.ShouldBeJsonAsync(HttpStatusCode.OK);

        created["version"]!.GetValue<long>().ShouldBe(1);
        first.Headers.Location!.ToString().ShouldBe($"/api/workflows/{name}");
        updated["version"]!.GetValue<long>().ShouldBe(2);
        second.Headers.ETag!.Tag.ShouldBe("\"2\"");
        (await _api.GetJsonAsync($"/api/workflows/{name}"))["document"]!["title"]!.GetValue<string>().ShouldBe("Second");
        (await _api.GetJsonAsync($"/api/workflows/{name}/versions/1"))["document"]!["title"]!.GetValue<string>().ShouldBe("Assign new leads");
        var versions = (await _api.GetJsonAsync($"/api/workflows/{name}/versions"))["items"]!.AsArray();
        versions.Select(v => v!["version"]!.GetValue<long>()).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task Put_ShouldAnswer409_WhenVersionIsStale()
    {
        var name = NewName();
        (await PutAsync(name, Document(name))).Dispose();
        (await PutAsync(name, Document(name))).Dispose();

        using var stale = await PutAsync(name, Document(name), ifMatch: "\"1\"");

        var problem = await stale.ShouldBeProblemAsync(409, "workflow.version_conflict");
        problem["currentVersion"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task Put_ShouldAnswer422WithCodesAndPointers_AndWriteNothing_WhenDocumentIsInvalid()
    {
        var name = NewName();
        var document = JsonNode.Parse(Document(name))!.AsObject();
        document["trigger"] = new JsonObject { ["type"] = "schedule", ["cron"] = "99 * * * *", ["timeZone"] = "Nowhere/Atlantis" };
        document["steps"]![1]!["action"] = "teleport";

        using var response = await PutAsync(name, document.ToJsonString());

        var problem = await response.ShouldBeProblemAsync(422, "workflow.invalid");
        problem.ErrorCodes().ShouldBe(["workflow.invalid_cron", "workflow.invalid_time_zone", "workflow.unknown_action"], ignoreOrder: true);
        problem.Pointers().ShouldBe(["/trigger/cron", "/trigger/timeZone", "/steps/1/action"], ignoreOrder: true);
        using var get = await _api.GetAsync($"/api/workflows/{name}");
        await get.ShouldBeProblemAsync(404, "workflow.not_found");
    }

    [Fact]
    public async Task Put_ShouldAnswer400_WhenTheBodyNamesAnotherWorkflowOrIsNotAnObject()
    {
        var name = NewName();

        using var mismatch = await PutAsync(name, Document("other-name"));
        using var array = await PutAsync(name, "[]");
        using var badVersion = await PutAsync(name, Document(name), query: "?version=x");

        (await mismatch.ShouldBeProblemAsync(400, "request.invalid_body")).Pointers().ShouldBe(["/name"]);
        (await array.ShouldBeProblemAsync(400, "request.invalid_body")).Pointers().ShouldBe([""]);
        await badVersion.ShouldBeProblemAsync(400, "request.invalid_version");
        using var get = await _api.GetAsync($"/api/workflows/{name}");
        await get.ShouldBeProblemAsync(404, "workflow.not_found");
    }

    [Fact]
    public async Task Put_ShouldTakeTheNameFromTheAddress_WhenTheDocumentLeavesItOut()
    {
        var name = NewName();
        var document = JsonNode.Parse(Document(name))!.AsObject();
        document.Remove("name");

        using var response = await PutAsync(name, document.ToJsonString());

        (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["name"]!.GetValue<string>().ShouldBe(name);
    }

    [Fact]
    public async Task EnableDisable_ShouldChangeTheState_AndDeleteShouldHideTheWorkflow()
    {
        var name = NewName();
        (await PutAsync(name, Document(name))).Dispose();

        using var disable = await _api.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{name}/disable", "{}");
        (await disable.ShouldBeJsonAsync(HttpStatusCode.OK))["enabled"]!.GetValue<bool>().ShouldBeFalse();
        using var enable = await _api.SendJsonAsync(HttpMethod.Post, $"/api/workflows/{name}/enable", "{}");
        (await enable.ShouldBeJsonAsync(HttpStatusCode.OK))["enabled"]!.GetValue<bool>().ShouldBeTrue();

        using var delete = await _api.SendJsonAsync(HttpMethod.Delete, $"/api/workflows/{name}", "", ifMatch: "\"1\"");
        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var get = await _api.GetAsync($"/api/workflows/{name}");
        await get.ShouldBeProblemAsync(404, "workflow.not_found");
        (await _api.GetJsonAsync($"/api/workflows/{name}/versions/1"))["deleted"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task List_ShouldFilterByEntity()
    {
        var leadFlow = NewName();
        var dealFlow = NewName();
        (await PutAsync(leadFlow, Document(leadFlow))).Dispose();
        (await PutAsync(dealFlow, Document(dealFlow, entity: "deal"))).Dispose();

        var deals = (await _api.GetJsonAsync("/api/workflows?entity=deal"))["items"]!.AsArray();

        deals.Select(d => d!["name"]!.GetValue<string>()).ShouldContain(dealFlow);
        deals.Select(d => d!["name"]!.GetValue<string>()).ShouldNotContain(leadFlow);
        deals.ShouldAllBe(d => d!["trigger"]!["entity"]!.GetValue<string>() == "deal");
    }

    [Fact]
    public async Task OpenApi_ShouldDescribeTheWorkflowPaths()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");

        document["paths"]!["/api/workflows/{name}"]!["put"]!["operationId"]!.GetValue<string>().ShouldBe("saveWorkflow");
        document["paths"]!["/api/workflows/schema"].ShouldNotBeNull();
    }
}
