using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>
/// Roles × entities × operations × scopes through the real HTTP pipeline. Each case acts as an account whose only role
/// grants one operation with one scope on one entity, against records owned by the account itself, a teammate and an
/// outsider; the expected answer comes from the rule, not from the implementation: a record outside the read scope does
/// not exist (404), one the caller may read but not change is forbidden (403), an operation the role does not grant at
/// all is forbidden (403 access.denied), and lists and exports hold exactly the permitted rows.
/// </summary>
public sealed class PermissionMatrixTests(PermissionMatrixFixture fixture) : IClassFixture<PermissionMatrixFixture>
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var operation in PermissionMatrixFixture.Operations)
        {
            foreach (var scope in PermissionMatrixFixture.Scopes)
            {
                foreach (var owner in (string[])["self", "mate", "outsider"])
                {
                    data.Add(operation, scope, owner);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_ShouldBeAllowedExactlyWithinItsScope(string operation, string scope, string owner)
    {
        var user = PermissionMatrixFixture.UserOf(operation, scope);
        var api = fixture.Clients[user];
        var ownerId = owner switch { "self" => user, "mate" => fixture.Mate, _ => fixture.Outsider };
        var covered = scope == "all" || (scope == "team" && owner != "outsider") || (scope == "own" && owner == "self");
        var entity = fixture.Granted;
        switch (operation)
        {
            case "create":
            {
                using var response = await api.PostJsonAsync($"/api/records/{entity}", $$"""{"title": "c", "owner_id": "{{ownerId}}"}""");
                await ShouldBeAsync(response, scope, covered, HttpStatusCode.Created, "access.owner_denied");
                break;
            }

            case "read":
            {
                var tag = Guid.NewGuid().ToString("N");
                var ids = await SeedAsync(tag, user);
                using var response = await api.GetAsync($"/api/records/{entity}/{ids[owner]}");
                if (scope == "none")
                {
                    await response.ShouldBeProblemAsync(403, "access.denied");
                    return;
                }

                if (covered)
                {
                    await response.ShouldBeJsonAsync(HttpStatusCode.OK);
                }
                else
                {
                    await response.ShouldBeProblemAsync(404, "record.not_found");
                }

                var page = await api.GetJsonAsync($"/api/records/{entity}?count=true&filter={Uri.EscapeDataString($"title eq '{tag}'")}");
                page["total"]!.GetValue<long>().ShouldBe(Expected(scope));
                page["items"]!.AsArray().Count.ShouldBe((int)Expected(scope));
                break;
            }

            case "update":
            {
                var id = await CreateAsAdminAsync("u", ownerId);
                using var response = await api.PatchJsonAsync($"/api/records/{entity}/{id}", """{"amount": 5}""");
                await ShouldBeAsync(response, scope, covered, HttpStatusCode.OK, "access.denied");
                (await AmountAsync(id)).ShouldBe(covered && scope != "none" ? 5 : null);
                break;
            }

            case "delete":
            {
                var id = await CreateAsAdminAsync("d", ownerId);
                using var response = await api.SendJsonAsync(HttpMethod.Delete, $"/api/records/{entity}/{id}", "");
                await ShouldBeAsync(response, scope, covered, HttpStatusCode.NoContent, "access.denied");
                var stillThere = await fixture.Security.Admin.GetAsync($"/api/records/{entity}/{id}");
                stillThere.StatusCode.ShouldBe(covered && scope != "none" ? HttpStatusCode.NotFound : HttpStatusCode.OK);
                break;
            }

            case "export":
            {
                var tag = Guid.NewGuid().ToString("N");
                await SeedAsync(tag, user);
                using var response = await api.GetAsync($"/api/records/{entity}/export?filter={Uri.EscapeDataString($"title eq '{tag}'")}");
                if (scope == "none")
                {
                    await response.ShouldBeProblemAsync(403, "access.denied");
                    return;
                }

                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                (lines.Length - 1).ShouldBe((int)Expected(scope));
                break;
            }
        }
    }

    [Theory]
    [InlineData("create")]
    [InlineData("read")]
    [InlineData("update")]
    [InlineData("delete")]
    [InlineData("export")]
    public async Task Operation_ShouldBeForbidden_OnAnEntityTheRoleDoesNotName(string operation)
    {
        var api = fixture.Clients[PermissionMatrixFixture.UserOf(operation, "all")];
        var id = (await fixture.Security.Admin.CreateRecordAsync(fixture.Other, """{"title": "x"}"""))["id"]!.GetValue<string>();
        using var response = operation switch
        {
            "create" => await api.PostJsonAsync($"/api/records/{fixture.Other}", """{"title": "y"}"""),
            "read" => await api.GetAsync($"/api/records/{fixture.Other}"),
            "update" => await api.PatchJsonAsync($"/api/records/{fixture.Other}/{id}", """{"title": "y"}"""),
            "delete" => await api.SendJsonAsync(HttpMethod.Delete, $"/api/records/{fixture.Other}/{id}", ""),
            _ => await api.GetAsync($"/api/records/{fixture.Other}/export"),
        };

        await response.ShouldBeProblemAsync(403, "access.denied");
    }

    private static long Expected(string scope) => scope switch { "all" => 3, "team" => 2, "own" => 1, _ => 0 };

    private static async Task ShouldBeAsync(HttpResponseMessage response, string scope, bool covered, HttpStatusCode success, string refusal)
    {
        if (scope == "none")
        {
            await response.ShouldBeProblemAsync(403, "access.denied");
        }
        else if (covered)
        {
            response.StatusCode.ShouldBe(success, await response.Content.ReadAsStringAsync());
        }
        else
        {
            await response.ShouldBeProblemAsync(403, refusal);
        }
    }

    /// <summary>Three records tagged <paramref name="tag"/>, owned by the account, a teammate and an outsider.</summary>
    private async Task<Dictionary<string, string>> SeedAsync(string tag, string user) => new()
    {
        ["self"] = await CreateAsAdminAsync(tag, user),
        ["mate"] = await CreateAsAdminAsync(tag, fixture.Mate),
        ["outsider"] = await CreateAsAdminAsync(tag, fixture.Outsider),
    };

    private async Task<string> CreateAsAdminAsync(string title, string owner) =>
        (await fixture.Security.Admin.CreateRecordAsync(fixture.Granted, $$"""{"title": "{{title}}", "owner_id": "{{owner}}"}"""))["id"]!.GetValue<string>();

    private async Task<long?> AmountAsync(string id)
    {
        var record = await fixture.Security.Admin.GetJsonAsync($"/api/records/{fixture.Granted}/{id}");
        return record["amount"] is JsonNode amount ? amount.GetValue<long>() : null;
    }
}
