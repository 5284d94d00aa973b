using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.EndToEnd;

namespace CrmKit.Cli.Tests.Workflows.Definitions;

/// <summary><c>crmkit workflow</c> against the real server, end to end.</summary>
public sealed class WorkflowCommandsAgainstRealServerTests(RealServer server) : IClassFixture<RealServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-cli-wf-").FullName;

    private CliRunner Cli => server.Cli();

    private static string Document(string name, string title) =>
        $$$"""
        {
          "name": "{{{name}}}",
          "title": "{{{title}}}",
          "trigger": {"type": "date.relative", "entity": "activity", "field": "due_at", "offset": "-P1D"},
          "steps": [{"id": "notify", "action": "webhook", "parameters": {"url": "https://example.test/hook"}}]
        }
        """;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WorkflowCommands_ShouldSaveVersionShowToggleAndDelete_EndToEnd()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(_directory, "wf.json");
        await File.WriteAllTextAsync(file, Document(name, "First"));

        var set = await Cli.RunAsync("workflow", "set", file, "--version", "0");
        set.ExitCode.ShouldBe(0, set.ToString());
        set.Stdout.ShouldContain(name);
        var second = await server.Cli(Document(name, "Second")).RunAsync("workflow", "set", "-", "--version", "1");
        second.ExitCode.ShouldBe(0, second.ToString());

        var list = await Cli.RunAsync("workflow", "list", "--entity", "activity");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Stdout.ShouldContain(name);
        list.Stdout.ShouldContain("record.date_relative activity");

        var shown = await Cli.RunAsync("workflow", "show", name, "--version", "1", "--document");
        JsonNode.Parse(shown.Stdout)!["title"]!.GetValue<string>().ShouldBe("First");
        var versions = await Cli.RunAsync("--output", "json", "workflow", "versions", name);
        JsonNode.Parse(versions.Stdout)!["items"]!.AsArray().Count.ShouldBe(2);

        (await Cli.RunAsync("workflow", "disable", name)).ExitCode.ShouldBe(0);
        var disabled = await Cli.RunAsync("--output", "json", "workflow", "show", name);
        JsonNode.Parse(disabled.Stdout)!["enabled"]!.GetValue<bool>().ShouldBeFalse();
        (await Cli.RunAsync("workflow", "enable", name)).ExitCode.ShouldBe(0);

        (await Cli.RunAsync("workflow", "delete", name, "--version", "2")).ExitCode.ShouldBe(0);
        var gone = await Cli.RunAsync("workflow", "show", name);
        gone.ExitCode.ShouldBe(1);
        gone.Stderr.ShouldContain("workflow.not_found");
    }

    [Fact]
    public async Task WorkflowSet_ShouldPrintCodeAndPointer_AndSaveNothing_WhenDocumentIsInvalid()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var document = JsonNode.Parse(Document(name, "Bad"))!.AsObject();
        document["trigger"]!["offset"] = "tomorrow";
        var file = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(file, document.ToJsonString());

        var result = await Cli.RunAsync("workflow", "set", file);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("workflow.invalid_offset");
        result.Stderr.ShouldContain("/trigger/offset");
        (await Cli.RunAsync("workflow", "show", name)).ExitCode.ShouldBe(1);
    }
}
