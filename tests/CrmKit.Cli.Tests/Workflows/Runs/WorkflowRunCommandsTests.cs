using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.EndToEnd;

namespace CrmKit.Cli.Tests.Workflows.Runs;

/// <summary><c>crmkit workflow start|runs|run show|run retry</c> against the real REST layer and dispatcher.</summary>
public sealed class WorkflowRunCommandsTests(RealOutboxServer server) : IClassFixture<RealOutboxServer>
{
    private CliRunner Cli => server.Cli();

    private async Task SaveAsync(string name, string steps)
    {
        using var http = server.CreateHttpClient();
        using var content = new StringContent(
            $$"""{"name": "{{name}}", "trigger": {"type": "manual"}, "steps": {{steps}}}""", Encoding.UTF8, "application/json");
        using var response = await http.PutAsync($"api/workflows/{name}", content);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonNode> WaitForStatusAsync(string id, string status)
    {
        for (var i = 0; i < 300; i++)
        {
            var show = await Cli.RunAsync("--output", "json", "workflow", "run", "show", id);
            var run = JsonNode.Parse(show.Stdout)!;
            if (run["status"]!.GetValue<string>() == status)
            {
                return run;
            }

            await Task.Delay(50);
        }

        throw new ShouldAssertException($"Run {id} did not reach {status}.");
    }

    [Fact]
    public async Task StartRunsShow_ShouldWorkEndToEnd()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        await SaveAsync(name, """[{"id": "task", "action": "create_record", "parameters": {"entity": "activity", "values": {"type": "task", "subject": "from cli"}}}]""");

        var start = await Cli.RunAsync("--output", "json", "workflow", "start", name);
        start.ExitCode.ShouldBe(0, start.ToString());
        var id = JsonNode.Parse(start.Stdout)!["id"]!.GetValue<string>();
        await WaitForStatusAsync(id, "completed");

        var runs = await Cli.RunAsync("workflow", "runs", name);
        runs.ExitCode.ShouldBe(0, runs.ToString());
        runs.StdoutLines.ShouldContain(l => l.StartsWith(id, StringComparison.Ordinal) && l.Contains("completed", StringComparison.Ordinal));
        var show = await Cli.RunAsync("workflow", "run", "show", id);
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldContain("create_record");
    }

    [Fact]
    public async Task Retry_ShouldRestartFailedRun_AndExitWithOne_WhenNotFailed()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        await SaveAsync(name, """[{"id": "bad", "action": "send_message", "parameters": {"channel": "nowhere", "to": "x", "text": "hi"}}]""");
        var start = await Cli.RunAsync("--output", "json", "workflow", "start", name);
        var id = JsonNode.Parse(start.Stdout)!["id"]!.GetValue<string>();
        var failed = await WaitForStatusAsync(id, "failed");
        failed["steps"]![0]!["error"]!.GetValue<string>().ShouldContain("nowhere");

        var retry = await Cli.RunAsync("workflow", "run", "retry", id);
        retry.ExitCode.ShouldBe(0, retry.ToString());
        retry.StdoutLines.ShouldBe([$"Run {id} restarts from step bad."]);
        await WaitForStatusAsync(id, "failed");

        var done = await Cli.RunAsync("workflow", "run", "retry", Guid.NewGuid().ToString());
        done.ExitCode.ShouldBe(1, done.ToString());
        done.Stderr.ShouldContain("workflow.run_not_found");
    }
}
