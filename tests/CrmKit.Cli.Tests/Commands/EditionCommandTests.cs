using System.Text.Json.Nodes;

namespace CrmKit.Cli.Tests.Commands;

public sealed class EditionCommandTests : CliTestBase
{
    private const string Plan = """
        {"id": "acme.retail", "title": "Acme retail", "fromVersion": "1.0.0", "toVersion": "2.0.0", "source": "local", "upToDate": false,
         "plugins": [{"id": "ru.requisites", "action": "keep", "fromVersion": "1.0.0", "toVersion": "1.0.0"}],
         "entities": [{"entity": "store", "action": "update", "fields": [{"field": "site", "action": "rename", "from": "url"}, {"field": "area", "action": "add", "from": null}]}],
         "workflows": [{"name": "store-opened", "action": "replace"}], "templates": [], "seed": [{"name": "store_format/hyper", "action": "keep"}],
         "settings": [], "problems": [{"code": "edition.plugin_unavailable", "message": "No feed has ru.egrul [2.0.0, 3.0.0).", "file": "edition.json", "path": "/plugins/ru.egrul"}],
         "canApply": false}
        """;

    [Fact]
    public async Task Pack_ShouldWriteThePackage_WithoutAServer()
    {
        using var folder = new TemporaryEdition();
        var output = Path.Combine(folder.Root, "out");

        var result = await RunAsync("edition", "pack", folder.Root, "--into", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("packed acme.retail 1.0.0 into");
        File.Exists(Path.Combine(output, "acme.retail.1.0.0.nupkg")).ShouldBeTrue();
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pack_ShouldPrintEveryProblem_AndWriteNothing_WhenTheEditionIsInvalid()
    {
        using var folder = new TemporaryEdition();
        File.WriteAllText(Path.Combine(folder.Root, "edition.json"), """{"id": "acme.retail", "version": "one", "title": "x", "entities": ["entities/none.json"]}""");
        var output = Path.Combine(folder.Root, "out");

        var result = await RunAsync("edition", "pack", folder.Root, "--into", output);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StderrLines.ShouldContain("  edition.invalid_manifest edition.json#/version: The version 'one' is not a semantic version.");
        result.StderrLines.ShouldContain(l => l.StartsWith("  edition.missing_file edition.json#/entities/0:", StringComparison.Ordinal));
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public async Task Plan_ShouldPrintTheChangesAndProblems_AndExitOne_WhenThePlanCannotBeApplied()
    {
        Server.OnJson("POST", "/api/editions/plan", Plan);

        var result = await RunAsync("edition", "plan", "acme.retail@2.0.0", "--upgrade");

        result.ExitCode.ShouldBe(1, result.ToString());
        var body = Server.Requests.ShouldHaveSingleItem().BodyJson!;
        (body["id"]!.GetValue<string>(), body["version"]!.GetValue<string>(), body["operation"]!.GetValue<string>()).ShouldBe(("acme.retail", "2.0.0", "upgrade"));
        result.StdoutLines.ShouldContain("acme.retail: 1.0.0 -> 2.0.0");
        result.StdoutLines.ShouldContain("    rename store.site (from url)");
        result.StdoutLines.ShouldContain("    add store.area");
        result.StdoutLines.ShouldContain("  replace store-opened");
        result.StdoutLines.ShouldContain("  edition.plugin_unavailable edition.json#/plugins/ru.egrul: No feed has ru.egrul [2.0.0, 3.0.0).");
    }

    [Fact]
    public async Task Plan_ShouldPrintTheServerPlanAsJson_AndStillExitOne_WithTheJsonFlag()
    {
        Server.OnJson("POST", "/api/editions/plan", Plan);

        var result = await RunAsync("edition", "plan", "acme.retail@2.0.0", "--upgrade", "--json");

        result.ExitCode.ShouldBe(1, result.ToString());
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Plan)).ShouldBeTrue(result.Stdout);
    }

    [Fact]
    public async Task Install_ShouldPostTheRequest_AndPrintTheServerJson_WhenOutputIsJson()
    {
        var applied = JsonNode.Parse(Plan)!.AsObject();
        applied["problems"] = new JsonArray();
        applied["canApply"] = true;
        Server.OnJson("POST", "/api/editions/install", applied.ToJsonString());

        var result = await RunAsync("edition", "install", "acme.retail", "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().BodyJson!["id"]!.GetValue<string>().ShouldBe("acme.retail");
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), applied).ShouldBeTrue();
    }

    [Fact]
    public async Task List_ShouldPrintTheInstalledEditions()
    {
        Server.OnJson("GET", "/api/editions", """{"items": [{"id": "acme.retail", "version": "2.0.0", "title": "Acme retail"}]}""");

        var result = await RunAsync("edition", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdoutLines[1].ShouldStartWith("acme.retail  2.0.0");
    }

    /// <summary>A valid edition folder (one entity) in a temp directory.</summary>
    private sealed class TemporaryEdition : IDisposable
    {
        public TemporaryEdition()
        {
            Root = Directory.CreateTempSubdirectory("crmkit-cli-edition-").FullName;
            Directory.CreateDirectory(Path.Combine(Root, "entities"));
            File.WriteAllText(Path.Combine(Root, "edition.json"), """{"id": "acme.retail", "version": "1.0.0", "title": "Acme retail", "entities": ["entities/store.schema.json"]}""");
            File.WriteAllText(Path.Combine(Root, "entities", "store.schema.json"), """{"x-crm-entity": "store", "properties": {"title": {"x-crm-type": "string"}}}""");
        }

        public string Root { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
