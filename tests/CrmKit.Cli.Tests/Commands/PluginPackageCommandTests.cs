using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands;

/// <summary><c>crmkit plugin search|install|update|remove|restore</c> and <c>list</c> with packages, against the fake server.</summary>
public sealed class PluginPackageCommandTests : CliTestBase
{
    private const string Plan = """
        {"canApply": true, "hasChanges": true, "isRestore": false, "problems": [],
         "steps": [
           {"id": "acme.core", "action": "install", "fromVersion": null, "toVersion": "1.0.0", "source": "acme", "sha512": "x", "requested": false, "dependencies": []},
           {"id": "acme.loyalty", "action": "install", "fromVersion": null, "toVersion": "1.2.0", "source": "acme", "sha512": "y", "requested": true, "dependencies": ["acme.core [1.0.0, 2.0.0)"]}]}
        """;

    [Fact]
    public async Task List_ShouldShowThePackageVersionAndSourceBesideTheRuntimeState()
    {
        Server.OnJson("GET", "/api/plugins", Payload.Read("plugins.json"));
        Server.OnJson("GET", "/api/plugin-packages", """{"items": [{"id": "acme.loyalty", "version": "1.2.0", "source": "acme", "sha512": "x", "requested": true, "dependencies": []}]}""");

        var result = await RunAsync("plugin", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdoutLines[0].ShouldBe("ID            VERSION  STATE    REASON                     PACKAGE  SOURCE");
        result.StdoutLines[1].ShouldBe("acme.loyalty  1.2.0    loaded                              1.2.0    acme");
        result.StdoutLines[2].ShouldBe("acme.reports  0.3.0    blocked  plugin.dependency_missing");
    }

    [Fact]
    public async Task InstallDryRun_ShouldPrintThePlan_AndApplyNothing()
    {
        Server.OnJson("POST", "/api/plugin-packages/plan", Plan);

        var result = await RunAsync("plugin", "install", "acme.loyalty@[1.2,2.0)", "--dry-run");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe("POST /api/plugin-packages/plan");
        JsonNode.Parse(request.Body)!["install"]![0]!.GetValue<string>().ShouldBe("acme.loyalty@[1.2,2.0)");
        result.StdoutLines[0].ShouldBe("ID            ACTION   FROM  TO     SOURCE");
        result.StdoutLines[1].ShouldBe("acme.core     install        1.0.0  acme");
        result.StdoutLines[2].ShouldBe("acme.loyalty  install        1.2.0  acme");
        result.StdoutLines[3].ShouldBe("Dry run: nothing was changed.");
    }

    [Fact]
    public async Task InstallDryRun_ShouldExitNonZero_WhenThePlanHasProblems()
    {
        Server.OnJson("POST", "/api/plugin-packages/plan", """
            {"canApply": false, "hasChanges": false, "isRestore": false, "steps": [],
             "problems": [{"code": "plugin_package.sdk_incompatible", "message": "acme.loyalty 3.0.0 supports CrmKit.Sdk [3.0.0, 4.0.0); this host runs CrmKit.Sdk 0.1.0.", "packageId": "acme.loyalty"}]}
            """);

        var result = await RunAsync("plugin", "install", "acme.loyalty", "--dry-run");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldContain("The plan cannot be applied (1 problem(s)); nothing was changed.");
        result.Stderr.ShouldContain("plugin_package.sdk_incompatible: acme.loyalty 3.0.0 supports CrmKit.Sdk [3.0.0, 4.0.0)");
    }

    [Fact]
    public async Task Install_ShouldApply_AndSayWhatChanged()
    {
        Server.OnJson("POST", "/api/plugin-packages/apply", Plan);

        var result = await RunAsync("plugin", "install", "acme.loyalty", "--prerelease");

        result.ExitCode.ShouldBe(0, result.ToString());
        var body = JsonNode.Parse(Server.Requests.ShouldHaveSingleItem().Body)!;
        body["prerelease"]!.GetValue<bool>().ShouldBeTrue();
        result.StdoutLines.ShouldContain("Applied: 2 plugin(s) changed; plugins.lock.json updated.");
    }

    [Fact]
    public async Task Remove_ShouldPrintEveryProblem_AndExit1_WhenRefused()
    {
        Server.OnProblem("POST", "/api/plugin-packages/apply", 409, new JsonObject
        {
            ["type"] = "https://crmkit.dev/problems/plugin_package.has_dependents",
            ["title"] = "acme.core cannot be removed: acme.loyalty 1.2.0 (acme.core [1.0.0, 2.0.0)) still depend on it; remove them too, or first.",
            ["status"] = 409,
            ["code"] = "plugin_package.has_dependents",
            ["problems"] = new JsonArray(new JsonObject
            {
                ["code"] = "plugin_package.has_dependents",
                ["message"] = "acme.core cannot be removed: acme.loyalty 1.2.0 (acme.core [1.0.0, 2.0.0)) still depend on it; remove them too, or first.",
                ["packageId"] = "acme.core",
            }),
        });

        var result = await RunAsync("plugin", "remove", "acme.core");

        result.ExitCode.ShouldBe(1, result.ToString());
        JsonNode.Parse(Server.Requests.ShouldHaveSingleItem().Body)!["remove"]![0]!.GetValue<string>().ShouldBe("acme.core");
        result.Stderr.ShouldContain("plugin_package.has_dependents: acme.core cannot be removed: acme.loyalty 1.2.0");
    }

    [Fact]
    public async Task Search_ShouldPrintTheFeedsPackages()
    {
        Server.OnJson("GET", "/api/plugin-packages/search", """{"items": [{"id": "acme.loyalty", "version": "1.2.0", "versions": ["1.2.0"], "title": "Loyalty", "description": "", "authors": "", "source": "acme", "installedVersion": null}]}""");

        var result = await RunAsync("plugin", "search", "loyalty");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/plugin-packages/search?q=loyalty&prerelease=false");
        result.StdoutLines[1].ShouldBe("acme.loyalty  1.2.0               acme    Loyalty");
    }

    [Fact]
    public async Task Search_ShouldExit3_WhenAFeedFails()
    {
        Server.OnProblem("GET", "/api/plugin-packages/search", 502, new JsonObject
        {
            ["title"] = "The package source 'acme' (http://127.0.0.1:1/v3/index.json) could not be reached: Connection refused",
            ["status"] = 502,
            ["code"] = "plugin_package.feed_unreachable",
            ["problems"] = new JsonArray(new JsonObject { ["code"] = "plugin_package.feed_unreachable", ["message"] = "The package source 'acme' could not be reached." }),
        });
        var failed = await RunAsync("plugin", "search");
        failed.ExitCode.ShouldBe(3, failed.ToString());
        failed.Stderr.ShouldContain("plugin_package.feed_unreachable");
    }

    [Fact]
    public async Task RestoreDryRun_ShouldAskForThePlanOnly()
    {
        Server.OnJson("POST", "/api/plugin-packages/restore", """{"canApply": true, "hasChanges": false, "isRestore": true, "steps": [], "problems": []}""");

        var result = await RunAsync("plugin", "restore", "--dry-run");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("POST /api/plugin-packages/restore?dryRun=true");
        result.StdoutLines[0].ShouldBe("Nothing to change.");
    }
}
