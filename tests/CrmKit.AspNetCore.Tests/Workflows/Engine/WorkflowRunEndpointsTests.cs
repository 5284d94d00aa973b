using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Core.Workflows.Actions;

namespace CrmKit.AspNetCore.Tests.Workflows.Engine;

/// <summary>
/// The runs journal over the real server, its outbox dispatcher and a real Kestrel webhook receiver. The dispatcher
/// runs in the background, so the tests wait for a run's state (bounded), never for a fixed time.
/// </summary>
public sealed class WorkflowRunEndpointsTests : IDisposable
{
    private const string Secret = "s3cret";
    private readonly CrmKitServerFactory _factory = new();
    private readonly CrmApi _api;

    public WorkflowRunEndpointsTests()
    {
        _factory.Settings["CrmKit:Outbox:PollInterval"] = "00:00:00.050";
        _factory.Settings["CrmKit:Outbox:MaxAttempts"] = "1";
        _api = new CrmApi(_factory.CreateClient());
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ManualStart_ShouldCallSignedWebhook_AndRetryFromFailedStep()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 400;
        var document = new JsonObject
        {
            ["name"] = "notify",
            ["trigger"] = new JsonObject { ["type"] = "manual" },
            ["steps"] = new JsonArray(new JsonObject
            {
                ["id"] = "hook",
                ["action"] = "webhook",
                ["parameters"] = new JsonObject { ["url"] = receiver.Url, ["secret"] = Secret, ["body"] = new JsonObject { ["hello"] = "world" } },
            }),
        };
        using var saved = await _api.SendJsonAsync(HttpMethod.Put, "/api/workflows/notify", document.ToJsonString());
        saved.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var started = await _api.PostJsonAsync("/api/workflows/notify/runs", "{}");
        var run = await started.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = run["id"]!.GetValue<string>();
        started.Headers.Location!.ToString().ShouldBe("/api/workflow-runs/" + id);

        var failed = await WaitForStatusAsync(id, "failed");
        failed["stepId"]!.GetValue<string>().ShouldBe("hook");
        failed["steps"]!.AsArray().Single()!["error"]!.GetValue<string>().ShouldContain("400");

        receiver.Status = 200;
        using var retried = await _api.PostJsonAsync($"/api/workflow-runs/{id}/retry", "{}");
        (await retried.ShouldBeJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("running");
        var completed = await WaitForStatusAsync(id, "completed");

        completed["version"]!.GetValue<long>().ShouldBe(1);
        completed["steps"]!.AsArray().Single()!["output"]!["status"]!.GetValue<int>().ShouldBe(200);
        receiver.Calls.Count.ShouldBe(2);
        foreach (var (headers, body) in receiver.Calls)
        {
            body.ShouldBe("""{"hello":"world"}""");
            var timestamp = headers[WorkflowWebhookSignature.TimestampHeader];
            headers[WorkflowWebhookSignature.SignatureHeader].ShouldStartWith("sha256=");
            WorkflowWebhookSignature.Verify(Secret, timestamp, body, headers[WorkflowWebhookSignature.SignatureHeader]).ShouldBeTrue();
            WorkflowWebhookSignature.Verify("wrong", timestamp, body, headers[WorkflowWebhookSignature.SignatureHeader]).ShouldBeFalse();
            headers[WorkflowWebhookSignature.IdempotencyKeyHeader].ShouldBe($"{Guid.Parse(id):N}:hook");
        }

        var list = await _api.GetJsonAsync("/api/workflows/notify/runs?status=completed");
        list["items"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task Retry_ShouldAnswerConflict_WhenRunIsNotFailed_AndNotFound_WhenUnknown()
    {
        using var saved = await _api.SendJsonAsync(HttpMethod.Put, "/api/workflows/quick", """
            {"name": "quick", "trigger": {"type": "manual"}, "steps": [{"id": "wait", "action": "delay", "parameters": {"duration": "PT0S"}}]}
            """);
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        using var started = await _api.PostJsonAsync("/api/workflows/quick/runs", "{}");
        var id = (await started.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await WaitForStatusAsync(id, "completed");

        using var conflict = await _api.PostJsonAsync($"/api/workflow-runs/{id}/retry", "{}");
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var missing = await _api.GetAsync($"/api/workflow-runs/{Guid.NewGuid()}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var unknown = await _api.PostJsonAsync("/api/workflows/no-such/runs", "{}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<JsonObject> WaitForStatusAsync(string id, string status)
    {
        // Bounded wait on state, not on time: the dispatcher polls every 50 ms.
        for (var i = 0; i < 200; i++)
        {
            var run = await _api.GetJsonAsync($"/api/workflow-runs/{id}");
            if (run["status"]!.GetValue<string>() == status)
            {
                return run;
            }

            await Task.Delay(50);
        }

        throw new ShouldAssertException($"Run {id} did not reach {status}.");
    }
}
