using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands.Security;

public sealed class RoleCommandTests : CliTestBase, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-cli-roles-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task List_ShouldPrintOneRowPerRole_WithTheEnglishLabel()
    {
        Server.OnJson("GET", "/api/roles", Payload.Read("roles.json"));

        var result = await RunAsync("role", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/roles");
        result.StdoutLines.ShouldBe(
        [
            "NAME           LABEL          BUILT-IN  VERSION  DESCRIPTION",
            "administrator  Administrator  yes       0        Everything.",
            "sales_rep      Sales rep      no        4        Sells deals.",
        ]);
    }

    [Fact]
    public async Task List_ShouldPrintTheRussianLabel_WhenLangIsRu()
    {
        Server.OnJson("GET", "/api/roles", Payload.Read("roles.json"));

        var result = await RunAsync("--lang", "ru", "role", "list");

        result.StdoutLines[2].ShouldStartWith("sales_rep      Менеджер по продажам  нет");
    }

    [Fact]
    public async Task Show_ShouldPrintThePropertiesAndOneRowPerEntity()
    {
        Server.OnJson("GET", "/api/roles/sales_rep", Payload.Read("role-sales-rep.json"));

        var result = await RunAsync("role", "show", "sales_rep");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/roles/sales_rep");
        result.StdoutLines.ShouldBe(
        [
            "FIELD        VALUE",
            "name         sales_rep",
            "label (en)   Sales rep",
            "label (ru)   Менеджер по продажам",
            "description  Sells deals.",
            "privileges   templates.manage",
            "built-in     no",
            "version      4",
            "updated      2026-12-07T10:00:00+00:00",
            "updated by   admin",
            "ENTITY  CREATE  READ  UPDATE  DELETE  EXPORT  HIDDEN  READ-ONLY",
            "deal    own     team  own     none    none    margin  stage",
            "*       none    all   none    none    none",
        ]);
    }

    [Fact]
    public async Task Show_ShouldPrintTheRoleDocument_WhenOutputIsJson()
    {
        Server.OnJson("GET", "/api/roles/sales_rep", Payload.Read("role-sales-rep.json"));

        var result = await RunAsync("role", "show", "sales_rep", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("role-sales-rep.json"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Set_ShouldPutTheDocumentFromAFile_AndSayCreated_WhenTheServerAnswers201()
    {
        Server.OnJson("PUT", "/api/roles/sales_rep", """{"name": "sales_rep", "version": 1}""", status: 201);
        var file = Path.Combine(_directory, "sales_rep.json");
        await File.WriteAllTextAsync(file, """
            // comments are allowed, like in --data
            {"labels": {"en": "Sales rep"}, "entities": {"deal": {"read": "team", "fields": {"margin": "hidden"}}},}
            """);

        var result = await RunAsync("role", "set", "sales_rep", file);

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe("PUT /api/roles/sales_rep");
        request.Body.ShouldBe("""{"labels":{"en":"Sales rep"},"entities":{"deal":{"read":"team","fields":{"margin":"hidden"}}}}""");
        result.StdoutLines.ShouldBe(["Created role sales_rep (version 1)."]);
    }

    [Fact]
    public async Task Set_ShouldReadStandardInput_AndSayReplaced_WhenTheServerAnswers200()
    {
        Server.OnJson("PUT", "/api/roles/sales_rep", """{"name": "sales_rep", "version": 5}""");

        var result = await RunWithStdinAsync("""{"privileges": []}""", "role", "set", "sales_rep", "-");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"privileges":[]}""");
        result.StdoutLines.ShouldBe(["Replaced role sales_rep; it is now at version 5."]);
    }

    [Fact]
    public async Task Set_ShouldPrintTheServerJson_WhenOutputIsJson()
    {
        Server.OnJson("PUT", "/api/roles/sales_rep", Payload.Read("role-sales-rep.json"));

        var result = await RunWithStdinAsync("{}", "role", "set", "sales_rep", "-", "-o", "json");

        JsonNode.Parse(result.Stdout)!["version"]!.GetValue<long>().ShouldBe(4);
    }

    [Fact]
    public async Task Set_ShouldBeAUsageError_WhenTheFileIsNotAJsonObject()
    {
        var file = Path.Combine(_directory, "broken.json");
        await File.WriteAllTextAsync(file, "[1, 2");

        var result = await RunAsync("role", "set", "sales_rep", file);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain(file);
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Set_ShouldPrintEachErrorWithItsPointer_WhenTheServerRefuses()
    {
        Server.OnProblem("PUT", "/api/roles/sales_rep", 400, new JsonObject
        {
            ["title"] = "The role is not valid.",
            ["status"] = 400,
            ["code"] = "security.invalid",
            ["errors"] = new JsonArray(
                new JsonObject { ["code"] = "role.invalid_scope", ["pointer"] = "/entities/deal/read", ["message"] = "Unknown scope 'most'." }),
        });

        var result = await RunWithStdinAsync("""{"entities": {"deal": {"read": "most"}}}""", "role", "set", "sales_rep", "-");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(
        [
            "error security.invalid: The role is not valid.",
            "  /entities/deal/read: Unknown scope 'most'. (role.invalid_scope)",
        ]);
    }

    [Fact]
    public async Task Delete_ShouldSayDeleted()
    {
        Server.OnJson("DELETE", "/api/roles/sales_rep", body: null, status: 204);

        var result = await RunAsync("role", "delete", "sales_rep");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("DELETE /api/roles/sales_rep");
        result.StdoutLines.ShouldBe(["Deleted role sales_rep."]);
    }

    [Fact]
    public async Task Delete_ShouldExitOne_WhenAccountsStillHoldTheRole()
    {
        Server.OnProblem("DELETE", "/api/roles/sales_rep", 409, new JsonObject
        {
            ["title"] = "Role 'sales_rep' is held by 2 account(s); take it from them first.",
            ["status"] = 409,
            ["code"] = "role.in_use",
        });

        var result = await RunAsync("role", "delete", "sales_rep");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(["error role.in_use: Role 'sales_rep' is held by 2 account(s); take it from them first."]);
    }
}
