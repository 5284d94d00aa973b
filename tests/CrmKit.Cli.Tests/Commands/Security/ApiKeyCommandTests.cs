using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands.Security;

public sealed class ApiKeyCommandTests : CliTestBase
{
    private const string Key = "crmk_xu8f759y95vgpsmj_ifhU9N-pf7s6r5QmjIHnWwRuUmw0Pvsh_v13DavAQHw";

    [Fact]
    public async Task List_ShouldAskForYourOwnKeys_AndWorkOutEachKeysState()
    {
        Server.OnJson("GET", "/api/api-keys", Payload.Read("api-keys.json"));

        var result = await RunAsync("apikey", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/api-keys");
        result.StdoutLines.ShouldBe(
        [
            "ID      USER  NAME        SCOPES       STATE    CREATED                    EXPIRES                    LAST USED",
            "k3new   anna  laptop      read, write  active   2026-12-07T10:00:00+00:00  2099-01-31T00:00:00+00:00  2026-12-07T11:00:00+00:00",
            "k2old   anna  old script  *            expired  2026-06-01T10:00:00+00:00  2026-07-01T00:00:00+00:00",
            "k1gone  anna  leaked      admin        revoked  2026-01-01T10:00:00+00:00  never                      2026-01-31T10:00:00+00:00",
        ]);
    }

    [Fact]
    public async Task List_ShouldAskForOneAccountsKeys_WhenUserIsGiven()
    {
        Server.OnJson("GET", "/api/api-keys", Payload.Read("api-keys.json"));

        await RunAsync("apikey", "list", "--user", "anna");

        Server.Requests.ShouldHaveSingleItem().QueryString.ShouldBe("?userId=anna");
    }

    [Fact]
    public async Task List_ShouldAskForEveryAccountsKeys_WhenAllIsGiven()
    {
        Server.OnJson("GET", "/api/api-keys", Payload.Read("api-keys.json"));

        var result = await RunAsync("apikey", "list", "--all", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Query["userId"].ShouldBe("*");
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("api-keys.json"))).ShouldBeTrue();
    }

    [Fact]
    public async Task List_ShouldBeAUsageError_WhenUserAndAllAreBothGiven()
    {
        var result = await RunAsync("apikey", "list", "--user", "anna", "--all");

        result.ExitCode.ShouldBe(2);
        result.StderrLines.ShouldBe(["error: --user and --all cannot be given together."]);
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task List_ShouldExitOne_WhenTheCallerMayNotSeeOtherAccountsKeys()
    {
        Server.OnProblem("GET", "/api/api-keys", 403, new JsonObject
        {
            ["title"] = "This needs the privilege 'security.manage'.",
            ["status"] = 403,
            ["code"] = "access.privilege_required",
        });

        var result = await RunAsync("apikey", "list", "--all");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(["error access.privilege_required: This needs the privilege 'security.manage'."]);
    }

    [Fact]
    public async Task Create_ShouldPostEveryOption_AndPrintTheKeyAloneOnTheLastLine()
    {
        Server.OnJson("POST", "/api/api-keys", Payload.Read("api-key-created.json"), status: 201);

        var result = await RunAsync("apikey", "create", "--name", "nightly import", "--user", "anna",
            "--scope", "read", "--scope", "write", "--expires", "2027-01-31T00:00:00Z");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe("POST /api/api-keys");
        request.Body.ShouldBe("""{"name":"nightly import","userId":"anna","scopes":["read","write"],"expiresAt":"2027-01-31T00:00:00Z"}""");
        result.StdoutLines.ShouldBe(
        [
            "Created API key xu8f759y95vgpsmj (nightly import) for anna; scopes: read, write; expires: 2027-01-31T00:00:00+00:00.",
            "The key (the next line) is shown only now and cannot be read again: store it safely.",
            Key,
        ]);
    }

    [Fact]
    public async Task Create_ShouldSendOnlyTheName_WhenNothingElseIsGiven()
    {
        Server.OnJson("POST", "/api/api-keys", Payload.Read("api-key-created.json"), status: 201);

        var result = await RunAsync("apikey", "create", "--name", "laptop");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"name":"laptop"}""");
    }

    [Fact]
    public async Task Create_ShouldPrintTheServerJsonWithTheKey_WhenOutputIsJson()
    {
        Server.OnJson("POST", "/api/api-keys", Payload.Read("api-key-created.json"), status: 201);

        var result = await RunAsync("apikey", "create", "--name", "laptop", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("api-key-created.json"))).ShouldBeTrue();
        JsonNode.Parse(result.Stdout)!["key"]!.GetValue<string>().ShouldBe(Key);
    }

    [Fact]
    public async Task Create_ShouldBeAUsageError_WhenTheScopeIsUnknown()
    {
        var result = await RunAsync("apikey", "create", "--name", "laptop", "--scope", "everything");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("everything");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_ShouldPrintTheErrorWithItsPointer_WhenTheExpiryIsPast()
    {
        Server.OnProblem("POST", "/api/api-keys", 400, new JsonObject
        {
            ["title"] = "The API key is not valid.",
            ["status"] = 400,
            ["code"] = "security.invalid",
            ["errors"] = new JsonArray(
                new JsonObject { ["code"] = "apikey.expiry_past", ["pointer"] = "/expiresAt", ["message"] = "The expiry must be in the future." }),
        });

        var result = await RunAsync("apikey", "create", "--name", "laptop", "--expires", "2001-01-01T00:00:00Z");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.ShouldBe(
        [
            "error security.invalid: The API key is not valid.",
            "  /expiresAt: The expiry must be in the future. (apikey.expiry_past)",
        ]);
    }

    [Fact]
    public async Task Revoke_ShouldDeleteTheKey_AndSayWhichOneItWas()
    {
        var revoked = JsonNode.Parse(Payload.Read("api-key-created.json"))!.AsObject();
        revoked.Remove("key");
        revoked["revokedAt"] = "2026-12-08T10:00:00+00:00";
        Server.OnJson("DELETE", "/api/api-keys/xu8f759y95vgpsmj", revoked.ToJsonString());

        var table = await RunAsync("apikey", "revoke", "xu8f759y95vgpsmj");
        var json = await RunAsync("apikey", "revoke", "xu8f759y95vgpsmj", "-o", "json");

        table.ExitCode.ShouldBe(0, table.ToString());
        Server.Requests[0].ToString().ShouldBe("DELETE /api/api-keys/xu8f759y95vgpsmj");
        table.StdoutLines.ShouldBe(["Revoked API key xu8f759y95vgpsmj (nightly import) of anna."]);
        JsonNode.Parse(json.Stdout)!["revokedAt"]!.GetValue<string>().ShouldBe("2026-12-08T10:00:00+00:00");
    }

    [Fact]
    public async Task Revoke_ShouldExitOne_WhenTheKeyDoesNotExist()
    {
        Server.OnProblem("DELETE", "/api/api-keys/nope", 404, new JsonObject
        {
            ["title"] = "There is no API key 'nope'.",
            ["status"] = 404,
            ["code"] = "security.not_found",
        });

        var result = await RunAsync("--lang", "ru", "apikey", "revoke", "nope");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(["ошибка security.not_found: There is no API key 'nope'."]);
    }
}
