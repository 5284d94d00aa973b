using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmKit.Editions.Packing;
using CrmKit.Server.Tests;
using CrmKit.Testing.Feeds;

namespace CrmKit.Editions.Tests;

/// <summary>
/// The sample edition (plugins/editions/b2b-sales) packed, published with the shipped plugins in a folder feed,
/// installed into a fresh server process (real Kestrel, SQLite) over REST, used, then upgraded to v2 (the overlay in
/// plugins/editions/b2b-sales-v2), which adds a field and renames one: the records survive with their values.
/// </summary>
public sealed class SampleEditionEndToEndTests
{
    private const string Id = "crmkit.b2b-sales";

    [Theory]
    [MemberData(nameof(EditionTestHost.Providers), MemberType = typeof(EditionTestHost))]
    public async Task SampleEdition_ShouldInstallThenUpgrade_InAFreshServer(string provider)
    {
        var root = Directory.CreateTempSubdirectory("crmkit-e2e-").FullName;
        using var database = provider == "postgresql" ? EditionTestHost.CreatePostgresDatabase() : null;
        var storage = database is null
            ? Array.Empty<string>()
            : ["--CrmKit:Storage:Provider=PostgreSql", "--CrmKit:Storage:ConnectionString=" + database.ConnectionString];
        var feed = Path.Combine(root, "feed");
        ShippedPluginPackages.CopyTo(feed);
        var editions = Path.Combine(ShippedPluginPackages.RepositoryRoot, "plugins", "editions");
        EditionPackager.Pack(Path.Combine(editions, "b2b-sales"), feed);
        using (var v2 = new EditionFolder().CopyFrom(Path.Combine(editions, "b2b-sales")).CopyFrom(Path.Combine(editions, "b2b-sales-v2")))
        {
            EditionPackager.Pack(v2.Root, feed);
        }

        var config = FolderFeed.WriteNuGetConfig(Path.Combine(root, "nuget.config"), new FeedSource("local", feed));
        using var server = await ServerProcess.StartAsync(
            root,
            [
                "--CrmKit:Distribution:NuGetConfig=" + config,
                "--CrmKit:Distribution:LockFile=" + Path.Combine(root, "plugins.lock.json"),
                "--CrmKit:Plugins:Directory=" + Path.Combine(root, "plugins"),
                "--CrmKit:Editions:PackageFolder=" + Path.Combine(root, "edition-packages"),
                .. storage,
            ]);
        var client = server.Client;

        var missing = await PostAsync(client, "api/editions/install", new JsonObject { ["id"] = Id, ["version"] = "9.0.0" }, server, HttpStatusCode.NotFound);
        missing["code"]!.GetValue<string>().ShouldBe("edition.not_found");
        missing["problems"]![0]!["message"]!.GetValue<string>().ShouldContain("available: 2.0.0, 1.0.0");
        var bad = await PostAsync(client, "api/editions/plan", new JsonObject { ["id"] = 5, ["colour"] = "blue" }, server, HttpStatusCode.BadRequest);
        bad["errors"]!.AsArray().Select(e => e!["pointer"]!.GetValue<string>()).ShouldBe(["/colour", "/id"], ignoreOrder: true);
        var upgradeFirst = await PostAsync(client, "api/editions/upgrade", new JsonObject { ["id"] = Id }, server, HttpStatusCode.Conflict);
        upgradeFirst["code"]!.GetValue<string>().ShouldBe("edition.wrong_operation");

        var plan = await PostAsync(client, "api/editions/plan", new JsonObject { ["id"] = Id, ["version"] = "1.0.0" }, server);
        plan["canApply"]!.GetValue<bool>().ShouldBeTrue(plan.ToJsonString());
        plan["plugins"]!.AsArray().Select(p => (p!["id"]!.GetValue<string>(), p["action"]!.GetValue<string>()))
            .ShouldBe([("crmkit.onec", "install"), ("ru.egrul", "install"), ("ru.requisites", "install")], ignoreOrder: true);
        plan["seed"]!.AsArray().Count.ShouldBe(5);

        await PostAsync(client, "api/editions/install", new JsonObject { ["id"] = Id, ["version"] = "1.0.0" }, server);
        var plugins = await client.GetFromJsonAsync<JsonObject>("api/plugins");
        plugins!["items"]!.AsArray().Where(p => ShippedPluginPackages.Ids.Contains(p!["id"]!.GetValue<string>()))
            .Select(p => p!["state"]!.GetValue<string>()).ShouldBe(["loaded", "loaded", "loaded"]);
        var onec = await client.GetFromJsonAsync<JsonObject>("api/plugins/crmkit.onec/settings");
        onec!["values"]!["schemaVersion"]!.GetValue<string>().ShouldBe("2.10", "the edition's default settings are written");
        var stages = await client.GetFromJsonAsync<JsonObject>("api/records/b2b_stage?limit=100");
        stages!["items"]!.AsArray().Count.ShouldBe(5);
        var signed = stages["items"]!.AsArray().Single(s => s!["code"]!.GetValue<string>() == "signed")!["id"]!.GetValue<string>();
        var contract = await PostAsync(client, "api/records/b2b_contract", new JsonObject
        {
            ["number"] = "D-2026-001",
            ["customer_inn"] = "7707083893",
            ["segment"] = "mid",
            ["stage"] = signed,
            ["amount"] = new JsonObject { ["amount"] = 150000.50m, ["currency"] = "RUB" },
        }, server, HttpStatusCode.Created);
        var contractId = contract["id"]!.GetValue<string>();

        var again = await PostAsync(client, "api/editions/install", new JsonObject { ["id"] = Id, ["version"] = "1.0.0" }, server);
        again["upToDate"]!.GetValue<bool>().ShouldBeTrue();

        var upgradePlan = await PostAsync(client, "api/editions/plan", new JsonObject { ["id"] = Id, ["operation"] = "upgrade" }, server);
        upgradePlan["toVersion"]!.GetValue<string>().ShouldBe("2.0.0");
        upgradePlan["entities"]!.AsArray().Single(e => e!["entity"]!.GetValue<string>() == "b2b_contract")!["fields"]!.ToJsonString()
            .ShouldBe("""[{"field":"customer_segment","action":"rename","from":"segment"},{"field":"customer_segment","action":"change","from":null},{"field":"payment_terms","action":"add","from":null}]""",
                "v2 renames segment, gives it a new label (a change) and adds payment_terms");
        await PostAsync(client, "api/editions/upgrade", new JsonObject { ["id"] = Id }, server);

        var upgraded = await client.GetFromJsonAsync<JsonObject>("api/records/b2b_contract/" + contractId);
        upgraded!["customer_segment"]!.GetValue<string>().ShouldBe("mid");
        upgraded.ContainsKey("segment").ShouldBeFalse();
        upgraded["number"]!.GetValue<string>().ShouldBe("D-2026-001");
        upgraded["customer_inn"]!.GetValue<string>().ShouldBe("7707083893");
        var schema = await client.GetFromJsonAsync<JsonObject>("api/metadata/entities/b2b_contract/schema");
        schema!["properties"]!.AsObject().ContainsKey("payment_terms").ShouldBeTrue();
        var list = await client.GetFromJsonAsync<JsonObject>("api/editions");
        list!["items"]!.AsArray().Single()!["version"]!.GetValue<string>().ShouldBe("2.0.0");
        (await client.GetFromJsonAsync<JsonObject>("api/records/b2b_stage?limit=100"))!["items"]!.AsArray().Count.ShouldBe(5);

        // The installed edition's plugin ranges hold for later plugin changes: ru.requisites 2.0.0 is outside [1.0.0, 2.0.0).
        FolderFeed.WriteFlat(feed, PluginPackageBuilder.Build(new PluginPackageSpec { Id = "ru.requisites", Version = "2.0.0" }));
        using var refused = await client.PostAsJsonAsync("api/plugin-packages/plan", new JsonObject { ["install"] = new JsonArray("ru.requisites@[2.0.0, 3.0.0)") });
        var refusal = await refused.Content.ReadAsStringAsync();
        refusal.ShouldContain("plugin_package.constraint_violated", Case.Sensitive, refusal);
        refusal.ShouldContain("edition:" + Id, Case.Sensitive, refusal);

        // A server upgrade the edition's CrmKit range excludes is refused by `db migrate` before any change.
        var (exit, output) = await MigrateAsync(root, ["--CrmKit:Editions:CoreVersion=1.0.0", .. storage]);
        exit.ShouldBe(1, output);
        output.ShouldContain($"Migration refused: Edition {Id} 2.0.0 supports CrmKit [0.1.0, 1.0.0), and this server is CrmKit 1.0.0");
        (await MigrateAsync(root, storage)).ExitCode.ShouldBe(0);
    }

    private static async Task<(int ExitCode, string Output)> MigrateAsync(string root, string[] settings)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { ServerProcess.ServerDll, "db", "migrate" }.Concat(settings))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("MSBuildSDKsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + stderr);
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string path, JsonObject body, ServerProcess server, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{path}: {text}\n--- server ---\n{server.Output}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
