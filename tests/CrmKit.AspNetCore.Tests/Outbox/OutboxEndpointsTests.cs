using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Outbox;

/// <summary><c>/api/outbox</c> over the real server, SQLite file and dispatcher, with diagnostic jobs on.</summary>
public sealed class OutboxEndpointsTests(OutboxServerFactory factory) : IClassFixture<OutboxServerFactory>
{
    private readonly CrmApi _api = new(factory.CreateClient());

    private async Task<JsonObject> EnqueueAsync(string kind, int count = 1, JsonObject? payload = null)
    {
        var body = new JsonObject { ["kind"] = kind, ["count"] = count, ["payload"] = payload };
        using var response = await _api.PostJsonAsync("/api/outbox", body.ToJsonString());
        return await response.ShouldBeJsonAsync(HttpStatusCode.Accepted);
    }

    // The dispatcher runs in the server; a job reaches its state within moments (30 s at most before the test fails).
    private async Task<JsonObject> WaitForStateAsync(string id, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var job = await _api.GetJsonAsync("/api/outbox/" + id);
            if (job["state"]!.GetValue<string>() == state || DateTime.UtcNow > deadline)
            {
                job["state"]!.GetValue<string>().ShouldBe(state, job.ToJsonString());
                return job;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Enqueue_ShouldQueueJobs_ThatTheDispatcherRuns_AndGetShouldReadThem()
    {
        var queued = await EnqueueAsync("diagnostics.noop", 3, new JsonObject { ["tag"] = "x" });

        queued["queued"]!.GetValue<int>().ShouldBe(3);
        var job = await WaitForStateAsync(queued["last"]!.GetValue<string>(), "done");
        job["kind"]!.GetValue<string>().ShouldBe("diagnostics.noop");
        job["attempts"]!.GetValue<int>().ShouldBe(1);
        job["payload"]!["tag"]!.GetValue<string>().ShouldBe("x");
        job["finishedAt"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task List_ShouldFilterByState_PageWithAfter_AndCountEveryState()
    {
        var dead = (await EnqueueAsync("diagnostics.fail", 2, new JsonObject { ["maxAttempts"] = 1 }))["last"]!.GetValue<string>();
        await WaitForStateAsync(dead, "dead");

        var list = await _api.GetJsonAsync("/api/outbox?state=dead&limit=500");
        var items = list["items"]!.AsArray();
        items.ShouldAllBe(i => i!["state"]!.GetValue<string>() == "dead");
        items.ShouldContain(i => i!["id"]!.GetValue<string>() == dead);
        items.ShouldAllBe(i => i!.AsObject().ContainsKey("payload") == false);
        list["counts"]!["dead"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(2);
        list["counts"]!.AsObject().Select(p => p.Key).ShouldBe(["pending", "running", "done", "dead"], ignoreOrder: true);

        var first = await _api.GetJsonAsync("/api/outbox?limit=1");
        var firstId = first["items"]![0]!["id"]!.GetValue<string>();
        var next = await _api.GetJsonAsync("/api/outbox?limit=1&after=" + firstId);
        string.CompareOrdinal(next["items"]![0]!["id"]!.GetValue<string>(), firstId).ShouldNotBe(0);
    }

    [Fact]
    public async Task Requeue_ShouldPutADeadJobBack_WithItsAttemptsReset()
    {
        var id = (await EnqueueAsync("diagnostics.fail", 1, new JsonObject { ["maxAttempts"] = 1 }))["first"]!.GetValue<string>();
        var dead = await WaitForStateAsync(id, "dead");
        dead["lastError"]!.GetValue<string>().ShouldContain("InvalidOperationException");

        using var response = await _api.PostJsonAsync($"/api/outbox/{id}/requeue", "");
        var requeued = await response.ShouldBeJsonAsync(HttpStatusCode.OK);

        requeued["state"]!.GetValue<string>().ShouldBe("pending");
        requeued["attempts"]!.GetValue<int>().ShouldBe(0);
        requeued["idempotencyKey"]!.GetValue<string>().ShouldBe(dead["idempotencyKey"]!.GetValue<string>());
        (await WaitForStateAsync(id, "dead"))["attempts"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Requeue_ShouldAnswer409NotDead_WhenTheJobIsNotDead()
    {
        var id = (await EnqueueAsync("diagnostics.noop"))["first"]!.GetValue<string>();
        await WaitForStateAsync(id, "done");

        using var response = await _api.PostJsonAsync($"/api/outbox/{id}/requeue", "");

        await response.ShouldBeProblemAsync(409, "outbox.not_dead");
    }

    [Fact]
    public async Task GetAndRequeue_ShouldAnswer404_WhenTheIdIsUnknown()
    {
        var id = Guid.NewGuid();

        using var get = await _api.GetAsync("/api/outbox/" + id);
        using var requeue = await _api.PostJsonAsync($"/api/outbox/{id}/requeue", "");

        await get.ShouldBeProblemAsync(404, "outbox.job_not_found");
        await requeue.ShouldBeProblemAsync(404, "outbox.job_not_found");
    }

    [Fact]
    public async Task List_ShouldAnswer400_WhenTheStateIsUnknown()
    {
        using var response = await _api.GetAsync("/api/outbox?state=lost");

        await response.ShouldBeProblemAsync(400, "outbox.invalid_state");
    }

    [Fact]
    public async Task Enqueue_ShouldAnswer400_WhenTheKindIsNotDiagnostic()
    {
        using var response = await _api.PostJsonAsync("/api/outbox", """{"kind": "pipeline.post_commit", "count": 1}""");

        await response.ShouldBeProblemAsync(400, "outbox.kind_not_allowed");
    }

    [Fact]
    public async Task RecursiveHook_ShouldAnswer409DepthExceeded_NamingTheHook()
    {
        using var response = await _api.PostJsonAsync("/api/records/note", """{"body": "loop"}""");

        var problem = await response.ShouldBeProblemAsync(409, "pipeline.depth_exceeded");
        problem["hook"]!.GetValue<string>().ShouldBe(LoopingHookModule.HookName);
        // The id the hook was registered under, whatever its descriptor claims.
        problem["module"]!.GetValue<string>().ShouldBe(LoopingHookModule.ModuleId);
    }
}
