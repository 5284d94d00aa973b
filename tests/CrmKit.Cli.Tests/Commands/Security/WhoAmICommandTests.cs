using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands.Security;

public sealed class WhoAmICommandTests : CliTestBase
{
    [Fact]
    public async Task WhoAmI_ShouldPrintTheAccount_ThenOneRowPerEntity()
    {
        Server.OnJson("GET", "/api/me", Payload.Read("me-anna.json"));

        var result = await RunAsync("whoami");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/me");
        result.Stdout.ReplaceLineEndings("\n").ShouldBe("""
            FIELD         VALUE
            id            anna
            name          Анна
            kind          user
            channel       cli
            roles         sales_rep
            teams         east, key_accounts
            privileges    templates.manage
            unrestricted  no

            ENTITY   CREATE  READ  UPDATE  DELETE  EXPORT  HIDDEN        READ-ONLY
            contact  none    all   none    none    none
            deal     own     team  own     none    none    margin, cost  stage

            """);
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhoAmI_ShouldSendTheApiKeyFromTheEnvironment()
    {
        Server.OnJson("GET", "/api/me", Payload.Read("me-anna.json"));
        var runner = new CliRunner(Server.BaseAddress) { Environment = { ["CRMKIT_API_KEY"] = "crmk_abc_secret" } };

        (await runner.RunAsync("whoami")).ExitCode.ShouldBe(0);

        Server.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBe("ApiKey crmk_abc_secret");
    }

    [Fact]
    public async Task WhoAmI_ShouldPrintTheServerJson_WhenOutputIsJson()
    {
        Server.OnJson("GET", "/api/me", Payload.Read("me-anna.json"));

        var result = await RunAsync("whoami", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("me-anna.json"))).ShouldBeTrue();
        result.Stdout.ShouldContain("\n  \"id\": \"anna\",", Case.Sensitive, "indented");
    }

    [Fact]
    public async Task WhoAmI_ShouldSpeakRussianHeaders_WhenLangIsRu()
    {
        Server.OnJson("GET", "/api/me", Payload.Read("me-anna.json"));

        var result = await RunAsync("--lang", "ru", "whoami");

        result.StdoutLines.ShouldContain("без ограничений  нет");
        result.StdoutLines.ShouldContain(line => line.StartsWith("СУЩНОСТЬ  СОЗДАНИЕ  ЧТЕНИЕ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhoAmI_ShouldPrintTheProblemAndExitOne_WhenTheKeyIsRevoked()
    {
        Server.OnProblem("GET", "/api/me", 401, new JsonObject
        {
            ["type"] = "https://crmkit.dev/problems/auth.key_revoked",
            ["title"] = "The API key was revoked.",
            ["status"] = 401,
            ["code"] = "auth.key_revoked",
        });

        var result = await RunAsync("whoami");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.ShouldBe(["error auth.key_revoked: The API key was revoked."]);
    }
}
