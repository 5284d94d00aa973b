using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands.Security;

public sealed class UserCommandTests : CliTestBase
{
    [Fact]
    public async Task List_ShouldPrintOneRowPerAccount()
    {
        Server.OnJson("GET", "/api/users", Payload.Read("users.json"));

        var result = await RunAsync("user", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/users");
        result.StdoutLines.ShouldBe(
        [
            "ID        NAME            KIND     E-MAIL            ROLES               TEAMS  ACTIVE",
            "admin     Administrator   user                       administrator              yes",
            "anna      Анна            user     anna@example.com  sales_rep, support  east   yes",
            "importer  Nightly import  service                                               no",
        ]);
    }

    [Fact]
    public async Task List_ShouldPrintTheServerJson_WhenOutputIsJson()
    {
        Server.OnJson("GET", "/api/users", Payload.Read("users.json"));

        var result = await RunAsync("user", "list", "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("users.json"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Show_ShouldPrintEveryProperty()
    {
        Server.OnJson("GET", "/api/users/anna", Payload.Read("user-anna.json"));

        var result = await RunAsync("user", "show", "anna");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/users/anna");
        result.StdoutLines.ShouldBe(
        [
            "FIELD        VALUE",
            "id           anna",
            "name         Анна",
            "kind         user",
            "e-mail       anna@example.com",
            "external id  auth0|42",
            "roles        sales_rep, support",
            "teams        east",
            "active       yes",
            "version      3",
            "updated      2026-12-07T10:00:00+00:00",
            "updated by   admin",
        ]);
    }

    [Fact]
    public async Task Show_ShouldEscapeTheIdInThePath()
    {
        Server.OnJson("GET", "/api/users/a%2Fb", Payload.Read("user-anna.json"));

        var result = await RunAsync("user", "show", "a/b");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/api/users/a%2Fb");
    }

    [Fact]
    public async Task Create_ShouldPostTheAccount_WithEveryOptionGiven()
    {
        Server.OnJson("POST", "/api/users", Payload.Read("user-anna.json"), status: 201);

        var result = await RunAsync("user", "create", "anna", "--name", "Анна", "--email", "anna@example.com",
            "--external-id", "auth0|42", "--role", "sales_rep", "--role", "support");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe("POST /api/users");
        request.ContentType.ShouldBe("application/json; charset=utf-8");
        request.Body.ShouldBe("""{"id":"anna","displayName":"Анна","email":"anna@example.com","externalId":"auth0|42","kind":"user","roles":["sales_rep","support"]}""");
        result.StdoutLines[0].ShouldBe("FIELD        VALUE");
        result.StdoutLines.ShouldContain("roles        sales_rep, support");
    }

    [Fact]
    public async Task Create_ShouldSendKindServiceAndNoRoles_WhenServiceIsGivenAlone()
    {
        Server.OnJson("POST", "/api/users", Payload.Read("user-anna.json"), status: 201);

        var result = await RunAsync("user", "create", "importer", "--name", "Nightly import", "--service", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"id":"importer","displayName":"Nightly import","kind":"service","roles":[]}""");
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("user-anna.json"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Create_ShouldPrintEachErrorWithItsPointer_WhenTheServerRefuses()
    {
        Server.OnProblem("POST", "/api/users", 400, new JsonObject
        {
            ["type"] = "https://crmkit.dev/problems/security.invalid",
            ["title"] = "The account is not valid.",
            ["status"] = 400,
            ["code"] = "security.invalid",
            ["errors"] = new JsonArray(
                new JsonObject { ["code"] = "user.unknown_role", ["pointer"] = "/roles", ["message"] = "Unknown role 'ghost'." },
                new JsonObject { ["code"] = "security.invalid_id", ["pointer"] = "/id", ["message"] = "'Anna!' is not a valid id." }),
        });

        var result = await RunAsync("user", "create", "Anna!", "--name", "Anna", "--role", "ghost");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.ShouldBe(
        [
            "error security.invalid: The account is not valid.",
            "  /roles: Unknown role 'ghost'. (user.unknown_role)",
            "  /id: 'Anna!' is not a valid id. (security.invalid_id)",
        ]);
    }

    [Fact]
    public async Task Create_ShouldBeAUsageError_WhenTheNameIsMissing()
    {
        var result = await RunAsync("user", "create", "anna");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--name");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Update_ShouldPatchOnlyTheGivenMembers()
    {
        Server.OnJson("PATCH", "/api/users/anna", Payload.Read("user-anna.json"));

        var result = await RunAsync("user", "update", "anna", "--email", "anna@new.example.com");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe("PATCH /api/users/anna");
        request.Body.ShouldBe("""{"email":"anna@new.example.com"}""");
        result.StdoutLines.ShouldContain("id           anna");
    }

    [Fact]
    public async Task Update_ShouldReplaceTheRoles_WhenRoleIsGiven()
    {
        Server.OnJson("PATCH", "/api/users/anna", Payload.Read("user-anna.json"));

        var result = await RunAsync("user", "update", "anna", "--name", "Анна К.", "--role", "support", "--role", "sales_rep");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"displayName":"Анна К.","roles":["support","sales_rep"]}""");
    }

    [Fact]
    public async Task Update_ShouldRemoveEveryRole_WhenRoleIsGivenWithoutAValue()
    {
        Server.OnJson("PATCH", "/api/users/anna", Payload.Read("user-anna.json"));

        var result = await RunAsync("user", "update", "anna", "--role");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"roles":[]}""");
    }

    [Fact]
    public async Task Update_ShouldBeAUsageError_WhenNothingIsGiven()
    {
        var result = await RunAsync("user", "update", "anna");

        result.ExitCode.ShouldBe(2);
        result.StderrLines.ShouldBe(["error: nothing to change: give at least one of --name, --email, --role."]);
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Deactivate_ShouldPatchActiveFalse()
    {
        Server.OnJson("PATCH", "/api/users/anna", Payload.Read("user-anna.json"));

        var result = await RunAsync("user", "deactivate", "anna");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"active":false}""");
        result.StdoutLines.ShouldBe(["User anna is deactivated: it can no longer sign in, and its API keys stop working."]);
    }

    [Fact]
    public async Task Activate_ShouldPatchActiveTrue_AndPrintTheAccount_WhenOutputIsJson()
    {
        Server.OnJson("PATCH", "/api/users/anna", Payload.Read("user-anna.json"));

        var result = await RunAsync("user", "activate", "anna", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"active":true}""");
        JsonNode.Parse(result.Stdout)!["id"]!.GetValue<string>().ShouldBe("anna");
    }

    [Fact]
    public async Task Deactivate_ShouldExitOne_WhenTheAccountIsTheLastAdministrator()
    {
        Server.OnProblem("PATCH", "/api/users/admin", 409, new JsonObject
        {
            ["title"] = "'admin' is the last active administrator; keep at least one.",
            ["status"] = 409,
            ["code"] = "user.last_administrator",
        });

        var result = await RunAsync("user", "deactivate", "admin");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(["error user.last_administrator: 'admin' is the last active administrator; keep at least one."]);
    }

    [Fact]
    public async Task Deactivate_ShouldSayItInRussian_WhenLangIsRu()
    {
        Server.OnJson("PATCH", "/api/users/anna", Payload.Read("user-anna.json"));

        var result = await RunAsync("--lang", "ru", "user", "deactivate", "anna");

        result.StdoutLines.ShouldBe(["Пользователь anna деактивирован: он больше не может войти, его API-ключи не действуют."]);
    }
}
