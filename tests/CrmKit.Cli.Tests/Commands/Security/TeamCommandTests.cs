using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands.Security;

public sealed class TeamCommandTests : CliTestBase
{
    [Fact]
    public async Task List_ShouldPrintOneRowPerTeam()
    {
        Server.OnJson("GET", "/api/teams", Payload.Read("teams.json"));

        var result = await RunAsync("team", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/teams");
        result.StdoutLines.ShouldBe(
        [
            "ID    NAME   VERSION  MEMBERS",
            "east  East   2        anna, boris",
            "west  Запад  1",
        ]);
    }

    [Fact]
    public async Task Show_ShouldPrintTheTeam_OrTheServerJson()
    {
        Server.OnJson("GET", "/api/teams/east", Payload.Read("team-east.json"));

        var table = await RunAsync("team", "show", "east");
        var json = await RunAsync("team", "show", "east", "-o", "json");

        table.ExitCode.ShouldBe(0, table.ToString());
        table.StdoutLines.ShouldBe(
        [
            "FIELD       VALUE",
            "id          east",
            "name        East",
            "members     anna, boris",
            "version     2",
            "updated     2026-12-07T10:00:00+00:00",
            "updated by  admin",
        ]);
        JsonNode.DeepEquals(JsonNode.Parse(json.Stdout), JsonNode.Parse(Payload.Read("team-east.json"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Create_ShouldPostIdNameAndMembers()
    {
        Server.OnJson("POST", "/api/teams", Payload.Read("team-east.json"), status: 201);

        var result = await RunAsync("team", "create", "east", "--name", "East", "--member", "anna", "--member", "boris");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe("POST /api/teams");
        request.Body.ShouldBe("""{"id":"east","displayName":"East","members":["anna","boris"]}""");
        result.StdoutLines.ShouldContain("members     anna, boris");
    }

    [Fact]
    public async Task Create_ShouldPrintThePointerOfTheUnknownMember_WhenTheServerRefuses()
    {
        Server.OnProblem("POST", "/api/teams", 400, new JsonObject
        {
            ["title"] = "The team is not valid.",
            ["status"] = 400,
            ["code"] = "security.invalid",
            ["errors"] = new JsonArray(
                new JsonObject { ["code"] = "team.unknown_member", ["pointer"] = "/members/1", ["message"] = "There is no account 'ghost'." }),
        });

        var result = await RunAsync("team", "create", "east", "--name", "East", "--member", "anna", "--member", "ghost");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(
        [
            "error security.invalid: The team is not valid.",
            "  /members/1: There is no account 'ghost'. (team.unknown_member)",
        ]);
    }

    [Fact]
    public async Task Update_ShouldPatchOnlyTheName_WhenMembersAreNotGiven()
    {
        Server.OnJson("PATCH", "/api/teams/east", Payload.Read("team-east.json"));

        var result = await RunAsync("team", "update", "east", "--name", "Восток");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe("PATCH /api/teams/east");
        request.Body.ShouldBe("""{"displayName":"Восток"}""");
    }

    [Fact]
    public async Task Update_ShouldReplaceTheMembers_WhenMemberIsGiven()
    {
        Server.OnJson("PATCH", "/api/teams/east", Payload.Read("team-east.json"));

        var result = await RunAsync("team", "update", "east", "--member", "carol");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"members":["carol"]}""");
    }

    [Fact]
    public async Task Update_ShouldEmptyTheTeam_WhenMemberIsGivenWithoutAValue()
    {
        Server.OnJson("PATCH", "/api/teams/east", Payload.Read("team-east.json"));

        var result = await RunAsync("team", "update", "east", "--member", "--name", "East");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Body.ShouldBe("""{"displayName":"East","members":[]}""");
    }

    [Fact]
    public async Task Update_ShouldBeAUsageError_WhenNothingIsGiven()
    {
        var result = await RunAsync("team", "update", "east");

        result.ExitCode.ShouldBe(2);
        result.StderrLines.ShouldBe(["error: nothing to change: give at least one of --name, --member."]);
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Delete_ShouldSayDeleted_AndPrintNothing_WhenOutputIsJson()
    {
        Server.OnJson("DELETE", "/api/teams/east", body: null, status: 204);

        var table = await RunAsync("team", "delete", "east");
        var json = await RunAsync("team", "delete", "east", "-o", "json");

        table.ExitCode.ShouldBe(0, table.ToString());
        table.StdoutLines.ShouldBe(["Deleted team east."]);
        json.ExitCode.ShouldBe(0, json.ToString());
        json.Stdout.ShouldBeEmpty();
        Server.Requests.Select(r => r.ToString()).ShouldBe(["DELETE /api/teams/east", "DELETE /api/teams/east"]);
    }

    [Fact]
    public async Task Delete_ShouldExitOne_WhenTheTeamDoesNotExist()
    {
        Server.OnProblem("DELETE", "/api/teams/ghost", 404, new JsonObject
        {
            ["title"] = "There is no team 'ghost'.",
            ["status"] = 404,
            ["code"] = "security.not_found",
        });

        var result = await RunAsync("team", "delete", "ghost");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(["error security.not_found: There is no team 'ghost'."]);
    }
}
