using System.Text.Json.Nodes;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>crmkit outbox against the real REST layer and dispatcher, end to end.</summary>
public sealed class OutboxCommandsAgainstRealServerTests(RealOutboxServer server) : IClassFixture<RealOutboxServer>
{
    private CliRunner Cli => server.Cli();

    [Fact]
    public async Task ListShowRequeue_ShouldWorkEndToEnd_ForADeadJob()
    {
        var id = await server.EnqueueAsync("diagnostics.fail", new JsonObject { ["maxAttempts"] = 1 });
        await server.WaitForStateAsync(id, "dead");

        var list = await Cli.RunAsync("outbox", "list", "--state", "dead");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.StdoutLines.ShouldContain(l => l.StartsWith(id, StringComparison.Ordinal)
            && l.Contains("diagnostics.fail", StringComparison.Ordinal) && l.Contains("dead", StringComparison.Ordinal)
            && l.Contains("1/1", StringComparison.Ordinal));
        list.Stdout.ShouldContain("dead ");

        var show = await Cli.RunAsync("outbox", "show", id);
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldContain("diagnostics.fail");
        show.Stdout.ShouldContain("InvalidOperationException");
        show.Stdout.ShouldContain("\"maxAttempts\": 1");

        var requeue = await Cli.RunAsync("outbox", "requeue", id);
        requeue.ExitCode.ShouldBe(0, requeue.ToString());
        requeue.StdoutLines.ShouldBe([$"Outbox job {id} is queued again (pending)."]);

        // It fails again (its attempts were reset to zero, its one attempt runs) and is dead once more.
        await server.WaitForStateAsync(id, "dead");
        var json = await Cli.RunAsync("--output", "json", "outbox", "show", id);
        var job = JsonNode.Parse(json.Stdout)!;
        job["state"]!.GetValue<string>().ShouldBe("dead");
        job["attempts"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Requeue_ShouldExitWithOne_WhenTheJobIsNotDead()
    {
        var id = await server.EnqueueAsync("diagnostics.noop");
        await server.WaitForStateAsync(id, "done");

        var result = await Cli.RunAsync("outbox", "requeue", id);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("outbox.not_dead");
    }

    [Fact]
    public async Task Show_ShouldExitWithOne_WhenTheJobIsUnknown()
    {
        var result = await Cli.RunAsync("outbox", "show", Guid.NewGuid().ToString());

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("outbox.job_not_found");
    }

    [Fact]
    public async Task List_ShouldHonourLimit_AndPrintJsonWithCounts()
    {
        await server.EnqueueAsync("diagnostics.noop");
        await server.EnqueueAsync("diagnostics.noop");

        var result = await Cli.RunAsync("--output", "json", "outbox", "list", "--limit", "1");

        result.ExitCode.ShouldBe(0, result.ToString());
        var list = JsonNode.Parse(result.Stdout)!;
        list["items"]!.AsArray().Count.ShouldBe(1);
        list["counts"]!.AsObject().Select(p => p.Key).ShouldBe(["pending", "running", "done", "dead"], ignoreOrder: true);
    }

    [Fact]
    public async Task List_ShouldSpeakRussian_WhenAsked()
    {
        await server.EnqueueAsync("diagnostics.noop");

        var result = await Cli.RunAsync("--lang", "ru", "outbox", "list", "--limit", "1");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("попытки");
        result.Stdout.ShouldContain("ожидают");
        result.Stdout.ShouldContain("Дальше: --after");
    }

    [Fact]
    public async Task List_ShouldRefuseAnUnknownState()
    {
        var result = await Cli.RunAsync("outbox", "list", "--state", "lost");

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.Stderr.ShouldContain("lost");
    }
}
