using System.Net;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>Managing accounts, teams and roles through /api/users, /api/teams and /api/roles.</summary>
public sealed class DirectoryEndpointsTests(CrmKitServerFactory factory) : IClassFixture<CrmKitServerFactory>
{
    private readonly SecurityApi _security = new(factory);

    [Fact]
    public async Task Role_ShouldBeCreatedReadReplacedAndDeleted_WithVersions()
    {
        var name = SecurityApi.NewId("role");
        var created = await _security.SaveRoleAsync(name, """
            {"labels": {"en": "Support", "ru": "Поддержка"}, "privileges": ["templates.manage"],
             "entities": {"contact": {"read": "all", "update": "team", "fields": {"phone": "read_only"}}, "*": {"read": "own"}}}
            """);

        created["version"]!.GetValue<long>().ShouldBe(1);
        created["entities"]!["contact"]!["update"]!.GetValue<string>().ShouldBe("team");
        created["entities"]!["contact"]!["delete"]!.GetValue<string>().ShouldBe("none");
        created["entities"]!["contact"]!["fields"]!["phone"]!.GetValue<string>().ShouldBe("read_only");
        using (var stale = await _security.Admin.SendJsonAsync(HttpMethod.Put, "/api/roles/" + name, "{}", ifMatch: "\"7\""))
        {
            await stale.ShouldBeProblemAsync(409, "security.version_conflict");
        }

        using (var replaced = await _security.Admin.SendJsonAsync(HttpMethod.Put, "/api/roles/" + name, "{}", ifMatch: "\"1\""))
        {
            (await replaced.ShouldBeJsonAsync(HttpStatusCode.OK))["version"]!.GetValue<long>().ShouldBe(2);
        }

        using var deleted = await _security.Admin.SendJsonAsync(HttpMethod.Delete, "/api/roles/" + name, "");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var gone = await _security.Admin.GetAsync("/api/roles/" + name);
        await gone.ShouldBeProblemAsync(404, "security.not_found");
    }

    [Fact]
    public async Task Role_ShouldReportEveryProblemWithItsPointer_AndStoreNothing()
    {
        var name = SecurityApi.NewId("bad");

        using var response = await _security.Admin.SendJsonAsync(HttpMethod.Put, "/api/roles/" + name, """
            {"privileges": ["root"], "colour": "red",
             "entities": {"deal": {"read": "everything", "fields": {"margin": "secret", "Bad-Name": "hidden"}}, "Bad Entity": {}}}
            """);

        var problem = await response.ShouldBeProblemAsync(422, "security.invalid");
        problem.Pointers().ShouldBe(
            ["/colour", "/privileges", "/entities/deal/read", "/entities/deal/fields/margin", "/entities/deal/fields/Bad-Name", "/entities/Bad Entity"],
            ignoreOrder: true);
        problem.ErrorCodes().ShouldContain("role.invalid_scope");
        problem.ErrorCodes().ShouldContain("role.unknown_privilege");
        (await _security.Admin.GetAsync("/api/roles/" + name)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("administrator")]
    [InlineData("system")]
    public async Task BuiltInRole_ShouldNotBeChangedOrDeleted(string name)
    {
        using var put = await _security.Admin.SendJsonAsync(HttpMethod.Put, "/api/roles/" + name, "{}");
        using var delete = await _security.Admin.SendJsonAsync(HttpMethod.Delete, "/api/roles/" + name, "");

        await put.ShouldBeProblemAsync(409, "role.built_in");
        await delete.ShouldBeProblemAsync(409, "role.built_in");
    }

    [Fact]
    public async Task RoleInUse_ShouldNotBeDeleted()
    {
        var role = SecurityApi.NewId("held");
        await _security.SaveRoleAsync(role, "{}");
        await _security.CreateUserAsync(SecurityApi.NewId("holder"), role);

        using var response = await _security.Admin.SendJsonAsync(HttpMethod.Delete, "/api/roles/" + role, "");

        await response.ShouldBeProblemAsync(409, "role.in_use");
    }

    [Fact]
    public async Task User_ShouldBeValidated_WithPointers()
    {
        using var response = await _security.Admin.PostJsonAsync("/api/users", """
            {"id": "Not Valid", "roles": ["no-such-role", "system"], "kind": "robot", "active": "yes"}
            """);

        var problem = await response.ShouldBeProblemAsync(422, "security.invalid");
        problem.Pointers().ShouldBe(["/id", "/kind", "/displayName", "/active", "/roles", "/roles"], ignoreOrder: true);
        problem.ErrorCodes().ShouldContain("user.unknown_role");
        problem.ErrorCodes().ShouldContain("user.system_role");
    }

    [Theory]
    [InlineData("not an email")]
    [InlineData("anna@")]
    [InlineData("@example.com")]
    [InlineData("a@b@c.ru")]
    public async Task User_ShouldRefuseAnEmailThatIsNotOne(string email)
    {
        using var response = await _security.Admin.PostJsonAsync("/api/users", $$"""{"id": "{{SecurityApi.NewId("mail")}}", "displayName": "x", "email": "{{email}}"}""");

        (await response.ShouldBeProblemAsync(422, "security.invalid")).Pointers().ShouldBe(["/email"]);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("anonymous")]
    public async Task User_ShouldNotTakeAReservedId(string id)
    {
        using var response = await _security.Admin.PostJsonAsync("/api/users", $$"""{"id": "{{id}}", "displayName": "x"}""");

        (await response.ShouldBeProblemAsync(422, "security.invalid")).ErrorCodes().ShouldBe(["security.reserved_id"]);
    }

    [Fact]
    public async Task User_ShouldExistOnce()
    {
        var id = SecurityApi.NewId("twice");
        await _security.CreateUserAsync(id);

        using var response = await _security.Admin.PostJsonAsync("/api/users", $$"""{"id": "{{id}}", "displayName": "x"}""");

        await response.ShouldBeProblemAsync(409, "security.exists");
    }

    [Fact]
    public async Task LastAdministrator_ShouldNotBeDemotedOrDeactivated()
    {
        using var demote = await _security.Admin.PatchJsonAsync("/api/users/admin", """{"roles": []}""");
        using var deactivate = await _security.Admin.PatchJsonAsync("/api/users/admin", """{"active": false}""");

        await demote.ShouldBeProblemAsync(409, "user.last_administrator");
        await deactivate.ShouldBeProblemAsync(409, "user.last_administrator");
        (await _security.Admin.GetJsonAsync("/api/me"))["unrestricted"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Team_ShouldKeepOnlyKnownMembers_AndShowOnTheirAccounts()
    {
        var member = SecurityApi.NewId("member");
        await _security.CreateUserAsync(member);
        var team = SecurityApi.NewId("team");

        using (var bad = await _security.Admin.PostJsonAsync("/api/teams", $$"""{"id": "{{team}}", "displayName": "T", "members": ["{{member}}", "ghost"]}"""))
        {
            (await bad.ShouldBeProblemAsync(422, "security.invalid")).Pointers().ShouldBe(["/members/1"]);
        }

        await _security.CreateTeamAsync(team, member);
        (await _security.Admin.GetJsonAsync("/api/users/" + member))["teams"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe([team]);
        using (var renamed = await _security.Admin.PatchJsonAsync("/api/teams/" + team, """{"displayName": "Renamed", "id": "other"}"""))
        {
            (await renamed.ShouldBeProblemAsync(422, "security.invalid")).ErrorCodes().ShouldBe(["security.immutable"]);
        }

        using var deleted = await _security.Admin.SendJsonAsync(HttpMethod.Delete, "/api/teams/" + team, "");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _security.Admin.GetJsonAsync("/api/users/" + member))["teams"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("POST", "/api/users", """{"id": "sneaky", "displayName": "x", "roles": ["administrator"]}""")]
    [InlineData("PATCH", "/api/users/admin", """{"displayName": "owned"}""")]
    [InlineData("PUT", "/api/roles/sneaky", "{}")]
    [InlineData("POST", "/api/teams", """{"id": "sneaky", "displayName": "x"}""")]
    [InlineData("POST", "/api/metadata/entities/contact/fields", """{"name": "sneaky", "schema": {"x-crm-type": "string"}}""")]
    [InlineData("PUT", "/api/templates/sneaky", """{"kind": "email", "source": "x"}""")]
    [InlineData("PUT", "/api/workflows/sneaky", """{"trigger": {"type": "manual"}, "steps": [{"id": "a", "action": "delay", "parameters": {"duration": "PT1M"}}]}""")]
    [InlineData("GET", "/api/outbox", "")]
    [InlineData("POST", "/api/plugins/scan", "")]
    [InlineData("GET", "/api/workflows", "")]
    [InlineData("GET", "/api/metadata/entities/contact/archives", "")]
    public async Task AdministrativeChanges_ShouldNeedTheirPrivilege(string method, string path, string body)
    {
        var api = await _security.ClientForNewUserAsync(SecurityApi.NewId("plain"));

        using var response = method == "GET"
            ? await api.GetAsync(path)
            : await api.SendJsonAsync(new HttpMethod(method), path, body.Length == 0 ? "{}" : body);

        await response.ShouldBeProblemAsync(403, "access.privilege_required");
    }

    [Fact]
    public async Task Privilege_ShouldOpenItsArea_AndNothingElse()
    {
        var role = SecurityApi.NewId("tpl");
        await _security.SaveRoleAsync(role, """{"privileges": ["templates.manage"]}""");
        var api = await _security.ClientForNewUserAsync(SecurityApi.NewId("writer"), role);

        using var template = await api.SendJsonAsync(HttpMethod.Put, "/api/templates/greeting.hello", """{"kind": "email", "source": "Hi"}""");
        using var field = await api.PostJsonAsync("/api/metadata/entities/contact/fields", """{"name": "x_field", "schema": {"x-crm-type": "string"}}""");

        await template.ShouldBeJsonAsync(HttpStatusCode.OK);
        await field.ShouldBeProblemAsync(403, "access.privilege_required");
    }
}
