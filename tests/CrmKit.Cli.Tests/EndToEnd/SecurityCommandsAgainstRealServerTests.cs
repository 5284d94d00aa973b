using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>
/// The security commands against the real server: a role hiding a field, an account holding it, a team, and crmkit
/// run with that account's own API key — what it sees, what it is refused, what the audit trail and the CSV export
/// show, and that a revoked key stops working.
/// </summary>
public sealed class SecurityCommandsAgainstRealServerTests(RealServer server) : IClassFixture<RealServer>, IDisposable
{
    private const string SalesRole = """
        {
          "labels": {"en": "Deal rep", "ru": "Менеджер сделок"},
          "description": "Works the deals of the team; never sees the amount.",
          "entities": {
            "deal": {"create": "own", "read": "team", "update": "own", "delete": "none", "export": "team",
                     "fields": {"amount": "hidden", "probability": "read_only"}}
          }
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-cli-security-").FullName;

    private CliRunner Admin => server.Cli();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task AccountWithARole_ShouldSeeAndDoOnlyWhatItAllows_ThroughItsOwnKey()
    {
        // The directory: a role that hides deal.amount, two accounts holding it, a team of both.
        var roleFile = Path.Combine(_directory, "deal_rep.json");
        await File.WriteAllTextAsync(roleFile, SalesRole);
        var role = await Admin.RunAsync("role", "set", "deal_rep", roleFile);
        role.ExitCode.ShouldBe(0, role.ToString());
        role.StdoutLines.ShouldBe(["Created role deal_rep (version 1)."]);
        (await Admin.RunAsync("role", "set", "deal_rep", roleFile)).StdoutLines.ShouldBe(["Replaced role deal_rep; it is now at version 2."]);
        await ShouldSucceed(Admin, "user", "create", "anna", "--name", "Анна", "--email", "anna@example.com", "--role", "deal_rep");
        await ShouldSucceed(Admin, "user", "create", "boris", "--name", "Boris", "--role", "deal_rep");
        await ShouldSucceed(Admin, "team", "create", "east", "--name", "East", "--member", "anna", "--member", "boris");

        // A key for anna, made by the administrator; the table output ends with the key alone.
        var created = await ShouldSucceed(Admin, "apikey", "create", "--name", "anna's laptop", "--user", "anna");
        created.StdoutLines[^2].ShouldContain("shown only now");
        var key = created.StdoutLines[^1];
        key.ShouldStartWith("crmk_");
        var anna = new CliRunner(server.Address) { Environment = { ["CRMKIT_API_KEY"] = key } };

        var whoami = await ShouldSucceed(anna, "whoami");
        whoami.StdoutLines.ShouldContain("id            anna");
        whoami.StdoutLines.ShouldContain("channel       cli");
        whoami.StdoutLines.ShouldContain("roles         deal_rep");
        whoami.StdoutLines.ShouldContain("teams         east");
        whoami.StdoutLines.ShouldContain("unrestricted  no");
        Words(whoami.StdoutLines.Single(line => line.StartsWith("deal ", StringComparison.Ordinal)))
            .ShouldBe(["deal", "own", "team", "own", "none", "team", "amount", "probability"]);

        // Boris's deal, with an amount, is readable for anna through the team, but without the amount.
        var shared = await ShouldSucceed(Admin, "-o", "json", "record", "create", "deal", "--data",
            """{"title": "Shared", "stage": "new", "amount": {"amount": 5000, "currency": "RUB"}, "owner_id": "boris"}""");
        var sharedId = JsonNode.Parse(shared.Stdout)!["id"]!.GetValue<string>();
        var annaList = await ShouldSucceed(anna, "record", "list", "deal");
        annaList.StdoutLines[0].ShouldNotContain("AMOUNT");
        annaList.StdoutLines.ShouldContain(line => line.StartsWith(sharedId, StringComparison.Ordinal) && line.Contains("Shared"));
        var annaJson = JsonNode.Parse((await ShouldSucceed(anna, "-o", "json", "record", "list", "deal")).Stdout)!["items"]!.AsArray();
        annaJson.Select(item => item!["id"]!.GetValue<string>()).ShouldContain(sharedId);
        annaJson.ShouldAllBe(item => !item!.AsObject().ContainsKey("amount"));
        (await ShouldSucceed(Admin, "record", "list", "deal")).StdoutLines[0].ShouldContain("AMOUNT", Case.Sensitive, "the administrator sees it");

        // What the role does not allow is refused with access.denied.
        var delete = await anna.RunAsync("record", "delete", "deal", sharedId);
        delete.ExitCode.ShouldBe(1, delete.ToString());
        delete.Stderr.ShouldContain("error access.denied: ");
        (await ShouldSucceed(Admin, "record", "get", "deal", sharedId)).Stdout.ShouldContain("Shared");

        // Anna's own deal: changed by the administrator over plain REST (the amount), then by anna through crmkit.
        var mine = await ShouldSucceed(anna, "-o", "json", "record", "create", "deal", "--data", """{"title": "Mine", "stage": "new"}""");
        var mineId = JsonNode.Parse(mine.Stdout)!["id"]!.GetValue<string>();
        using (var http = server.CreateHttpClient())
        {
            var patch = await http.PatchAsync(
                $"api/records/deal/{mineId}", JsonContent.Create(new { amount = new { amount = 1200, currency = "RUB" } }));
            patch.IsSuccessStatusCode.ShouldBeTrue(await patch.Content.ReadAsStringAsync());
        }

        await ShouldSucceed(anna, "record", "update", "deal", mineId, "--data", """{"stage": "won"}""");
        var history = await ShouldSucceed(anna, "record", "history", "deal", mineId);
        Words(history.StdoutLines[0]).ShouldBe(["SEQ", "AT", "OPERATION", "USER", "CHANNEL", "SOURCE", "CHANGES"]);
        var newest = Words(history.StdoutLines[1]);
        newest[2..5].ShouldBe(["update", "anna", "cli"]);
        history.StdoutLines[1].ShouldEndWith("stage: new → won");
        var byAdministrator = Words(history.StdoutLines[2]);
        byAdministrator[2..5].ShouldBe(["update", "admin", "rest"]);
        history.StdoutLines[2].ShouldEndWith("amount: (hidden)");
        history.Stdout.ShouldNotContain("1200");
        var fullHistory = await ShouldSucceed(Admin, "-o", "json", "record", "history", "deal", mineId);
        var entries = JsonNode.Parse(fullHistory.Stdout)!["items"]!.AsArray();
        entries[0]!["channel"]!.GetValue<string>().ShouldBe("cli");
        entries[1]!["changes"]![0]!["new"]!["amount"]!.GetValue<decimal>().ShouldBe(1200m, "the administrator may read the amount");

        // The export follows the export scope (the team's deals) and leaves the hidden field out.
        var file = Path.Combine(_directory, "deals.csv");
        var export = await ShouldSucceed(anna, "record", "export", "deal", "--file", file);
        export.StdoutLines.ShouldBe([$"Exported 2 deal record(s) to {file}."]);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        header.ShouldContain("title");
        header.ShouldContain("probability", "read-only fields can still be read");
        header.ShouldNotContain("amount");
        lines.Length.ShouldBe(3);
        var adminExport = await ShouldSucceed(Admin, "record", "export", "deal");
        adminExport.Stdout.TrimStart('\uFEFF').Split("\r\n")[0].Split(',').ShouldContain("amount");

        // Revoked, the key is refused at once.
        var keys = JsonNode.Parse((await ShouldSucceed(Admin, "-o", "json", "apikey", "list", "--user", "anna")).Stdout)!["items"]!.AsArray();
        var keyId = keys.Single(k => k!["name"]!.GetValue<string>() == "anna's laptop")!["id"]!.GetValue<string>();
        key.ShouldStartWith($"crmk_{keyId}_");
        (await ShouldSucceed(Admin, "apikey", "revoke", keyId)).StdoutLines.ShouldBe([$"Revoked API key {keyId} (anna's laptop) of anna."]);
        var refused = await anna.RunAsync("whoami");
        refused.ExitCode.ShouldBe(1, refused.ToString());
        refused.Stdout.ShouldBeEmpty();
        refused.Stderr.ShouldStartWith("error auth.key_revoked: ");
        (await ShouldSucceed(Admin, "apikey", "list", "--user", "anna")).StdoutLines
            .ShouldContain(line => line.StartsWith(keyId, StringComparison.Ordinal) && Words(line).Contains("revoked"));
    }

    [Fact]
    public async Task DirectoryCommands_ShouldCreateChangeAndRemoveAccountsTeamsAndRoles()
    {
        var role = await server.Cli("""{"labels": {"en": "Viewer"}, "entities": {"*": {"read": "all"}}}""").RunAsync("role", "set", "viewer", "-");
        role.ExitCode.ShouldBe(0, role.ToString());
        (await ShouldSucceed(Admin, "role", "list")).StdoutLines.ShouldContain(line => Words(line).SequenceEqual(new[] { "viewer", "Viewer", "no", "1" }));
        var shown = await ShouldSucceed(Admin, "role", "show", "viewer");
        Words(shown.StdoutLines.Single(line => line.StartsWith("* ", StringComparison.Ordinal))).ShouldBe(["*", "none", "all", "none", "none", "none"]);

        await ShouldSucceed(Admin, "user", "create", "carol", "--name", "Carol", "--service", "--role", "viewer");
        var updated = await ShouldSucceed(Admin, "-o", "json", "user", "update", "carol", "--name", "Carol C.", "--email", "carol@example.com");
        var carol = JsonNode.Parse(updated.Stdout)!;
        carol["displayName"]!.GetValue<string>().ShouldBe("Carol C.");
        carol["kind"]!.GetValue<string>().ShouldBe("service");
        carol["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["viewer"], "roles not given stay");

        (await ShouldSucceed(Admin, "user", "deactivate", "carol")).StdoutLines[0].ShouldStartWith("User carol is deactivated");
        Words((await ShouldSucceed(Admin, "user", "list")).StdoutLines.Single(line => line.StartsWith("carol ", StringComparison.Ordinal)))[^1].ShouldBe("no");
        await ShouldSucceed(Admin, "user", "activate", "carol");
        (await ShouldSucceed(Admin, "user", "show", "carol")).StdoutLines.ShouldContain("active       yes");

        await ShouldSucceed(Admin, "team", "create", "west", "--name", "West", "--member", "carol");
        var team = await ShouldSucceed(Admin, "team", "update", "west", "--name", "Запад", "--member");
        team.StdoutLines.ShouldContain("name        Запад");
        team.StdoutLines.ShouldContain("members");
        (await ShouldSucceed(Admin, "team", "delete", "west")).StdoutLines.ShouldBe(["Deleted team west."]);
        var gone = await Admin.RunAsync("team", "show", "west");
        gone.ExitCode.ShouldBe(1, gone.ToString());
        gone.Stderr.ShouldStartWith("error security.not_found: ");

        var inUse = await Admin.RunAsync("role", "delete", "viewer");
        inUse.ExitCode.ShouldBe(1, inUse.ToString());
        inUse.Stderr.ShouldStartWith("error role.in_use: ");
        await ShouldSucceed(Admin, "user", "update", "carol", "--role");
        (await ShouldSucceed(Admin, "role", "delete", "viewer")).StdoutLines.ShouldBe(["Deleted role viewer."]);

        var unknownRole = await Admin.RunAsync("user", "create", "dave", "--name", "Dave", "--role", "viewer");
        unknownRole.ExitCode.ShouldBe(1, unknownRole.ToString());
        unknownRole.StderrLines.ShouldContain("  /roles: Unknown role 'viewer'. (user.unknown_role)");
        var builtIn = await Admin.RunAsync("role", "delete", "administrator");
        builtIn.ExitCode.ShouldBe(1, builtIn.ToString());
        builtIn.Stderr.ShouldStartWith("error role.built_in: ");
    }

    private static async Task<CliResult> ShouldSucceed(CliRunner cli, params string[] args)
    {
        var result = await cli.RunAsync(args);
        result.ExitCode.ShouldBe(0, $"crmkit {string.Join(' ', args)}\n{result}");
        return result;
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
