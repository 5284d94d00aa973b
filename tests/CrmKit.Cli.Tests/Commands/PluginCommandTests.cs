using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands;

public sealed class PluginCommandTests : CliTestBase
{
    [Fact]
    public async Task List_ShouldPrintIdVersionStateAndReasonCode()
    {
        Server.OnJson("GET", "/api/plugins", Payload.Read("plugins.json"));

        var result = await RunAsync("plugin", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        // The server has no plugin distribution (404): the package columns are left out.
        Server.Requests.Select(r => r.ToString()).ShouldBe(["GET /api/plugins", "GET /api/plugin-packages"]);
        result.StdoutLines[0].ShouldBe("ID            VERSION  STATE    REASON");
        result.StdoutLines[1].ShouldBe("acme.loyalty  1.2.0    loaded");
        result.StdoutLines[2].ShouldBe("acme.reports  0.3.0    blocked  plugin.dependency_missing");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task List_ShouldPrintTheServerJson_WhenOutputIsJson()
    {
        Server.OnJson("GET", "/api/plugins", Payload.Read("plugins.json"));

        var result = await RunAsync("plugin", "list", "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("plugins.json"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Show_ShouldPrintStateDependenciesAndRegistrations()
    {
        var plugin = JsonNode.Parse(Payload.Read("plugins.json"))!["items"]![1]!.ToJsonString();
        Server.OnJson("GET", "/api/plugins/acme.reports", plugin);

        var result = await RunAsync("plugin", "show", "acme.reports");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Acme reports");
        result.Stdout.ShouldContain("plugin.dependency_missing: Plugin 'acme.reports' needs plugin 'acme.core', which is not installed.");
        result.StdoutLines.ShouldContain("dependencies (1):");
        result.StdoutLines.ShouldContain("  acme.core [1.0.0, )");
        result.StdoutLines.ShouldContain("registered (0):");
    }

    [Fact]
    public async Task Disable_ShouldSayTheNewState()
    {
        Server.OnJson("POST", "/api/plugins/acme.loyalty/disable", """{"id": "acme.loyalty", "state": "disabled", "reason": {"code": "plugin.disabled", "message": "Disabled by an administrator."}}""");

        var result = await RunAsync("plugin", "disable", "acme.loyalty");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("POST /api/plugins/acme.loyalty/disable");
        result.StdoutLines.ShouldBe(["Plugin acme.loyalty is now disabled."]);
    }

    [Fact]
    public async Task Enable_ShouldExitWithOneAndSayWhy_WhenThePluginFailsToLoad()
    {
        Server.OnJson("POST", "/api/plugins/acme.loyalty/enable", """{"id": "acme.loyalty", "state": "failed", "reason": {"code": "plugin.start_timeout", "message": "too slow"}}""");

        var result = await RunAsync("plugin", "enable", "acme.loyalty");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("plugin acme.loyalty is failed: plugin.start_timeout: too slow");
    }

    [Fact]
    public async Task Disable_ShouldPrintTheProblemAndExitWithOne_WhenOthersDependOnIt()
    {
        Server.OnProblem("POST", "/api/plugins/acme.core/disable", 409, new JsonObject
        {
            ["type"] = "https://crmkit.dev/problems/plugin.has_dependents",
            ["title"] = "Plugin 'acme.core' cannot be disabled while loaded plugins depend on it: acme.reports. Disable them first.",
            ["status"] = 409,
            ["code"] = "plugin.has_dependents",
        });

        var result = await RunAsync("plugin", "disable", "acme.core");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("plugin.has_dependents");
        result.Stderr.ShouldContain("acme.reports");
    }

    [Fact]
    public async Task Scan_ShouldPostAndPrintTheList()
    {
        Server.OnJson("POST", "/api/plugins/scan", Payload.Read("plugins.json"));

        var result = await RunAsync("plugin", "scan");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("POST /api/plugins/scan");
        result.StdoutLines.Length.ShouldBe(3);
    }

    [Fact]
    public async Task List_ShouldSpeakRussianHeaders_WhenAsked()
    {
        Server.OnJson("GET", "/api/plugins", Payload.Read("plugins.json"));

        var result = await RunAsync("--lang", "ru", "plugin", "list");

        result.StdoutLines[0].ShouldStartWith("ИДЕНТИФИКАТОР");
    }

}
