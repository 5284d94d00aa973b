using System.Text.Json.Nodes;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>crmkit plugin against the real REST layer and plugin runtime, end to end.</summary>
public sealed class PluginCommandsAgainstRealServerTests(RealPluginServer server) : IClassFixture<RealPluginServer>
{
    private const string Id = RealPluginServer.ScorePlugin.PluginId;

    private CliRunner Cli => server.Cli();

    [Fact]
    public async Task ListShowDisableEnable_ShouldWorkEndToEnd()
    {
        var list = await Cli.RunAsync("plugin", "list");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.StdoutLines.ShouldContain(l => l.StartsWith(Id, StringComparison.Ordinal) && l.Contains("loaded", StringComparison.Ordinal));

        var show = await Cli.RunAsync("plugin", "show", Id);
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldContain("Scores");
        show.StdoutLines.ShouldContain("  field-type:test.score");
        show.StdoutLines.ShouldContain("  field:contact.test_score");

        try
        {
            var disable = await Cli.RunAsync("plugin", "disable", Id);
            disable.ExitCode.ShouldBe(0, disable.ToString());
            disable.StdoutLines.ShouldBe([$"Plugin {Id} is now disabled."]);
            var shown = await Cli.RunAsync("--output", "json", "plugin", "show", Id);
            var plugin = JsonNode.Parse(shown.Stdout)!;
            plugin["state"]!.GetValue<string>().ShouldBe("disabled");
            plugin["reason"]!["code"]!.GetValue<string>().ShouldBe("plugin.disabled");
            plugin["registered"]!.AsArray().ShouldBeEmpty();
            (await Cli.RunAsync("entity", "show", "contact")).Stdout.ShouldContain("test_score");
        }
        finally
        {
            var enable = await Cli.RunAsync("plugin", "enable", Id);
            enable.ExitCode.ShouldBe(0, enable.ToString());
            enable.StdoutLines.ShouldBe([$"Plugin {Id} is now loaded."]);
        }

        var reloaded = await Cli.RunAsync("plugin", "reload", Id);
        reloaded.ExitCode.ShouldBe(0, reloaded.ToString());
        var scan = await Cli.RunAsync("--output", "json", "plugin", "scan");
        scan.ExitCode.ShouldBe(0, scan.ToString());
        JsonNode.Parse(scan.Stdout)!["items"]!.AsArray().ShouldContain(p => p!["id"]!.GetValue<string>() == Id);
    }

    [Fact]
    public async Task SettingsSetGet_ShouldValidate_AndNeverPrintTheSecret()
    {
        var invalid = await Cli.RunAsync("plugin", "settings", "set", Id, "--data", """{"label": "far too long a label"}""");
        invalid.ExitCode.ShouldNotBe(0, invalid.ToString());
        invalid.Stderr.ShouldContain("settings.invalid");

        var saved = await Cli.RunAsync("plugin", "settings", "set", Id, "--data", """{"label": "Hot", "apiKey": "k-123"}""");
        saved.ExitCode.ShouldBe(0, saved.ToString());
        saved.Stdout.ShouldNotContain("k-123");

        var read = await Cli.RunAsync("plugin", "settings", "get", Id);
        read.ExitCode.ShouldBe(0, read.ToString());
        var settings = JsonNode.Parse(read.Stdout)!;
        settings["values"]!["label"]!.GetValue<string>().ShouldBe("Hot");
        settings["secretsSet"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["apiKey"]);
        read.Stdout.ShouldNotContain("k-123");
    }

    [Fact]
    public async Task Show_ShouldExitWithOne_WhenThePluginIsUnknown()
    {
        var result = await Cli.RunAsync("plugin", "show", "no.such");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("plugin.not_found");
    }
}
