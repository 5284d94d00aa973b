using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>Sets up the security directory through the REST API as the administrator: roles, accounts, teams, keys.</summary>
public sealed class SecurityApi(TestServerFactory factory)
{
    public CrmApi Admin { get; } = new(factory.CreateClient());

    public async Task<JsonObject> SaveRoleAsync(string name, string document)
    {
        using var response = await Admin.SendJsonAsync(HttpMethod.Put, "/api/roles/" + name, document);
        return await response.ShouldBeJsonAsync(response.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK);
    }

    public async Task<JsonObject> CreateUserAsync(string id, params string[] roles) =>
        await Admin.CreateAsync("/api/users", new JsonObject
        {
            ["id"] = id,
            ["displayName"] = "User " + id,
            ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode?)r)]),
        });

    public async Task<JsonObject> CreateServiceAsync(string id, params string[] roles) =>
        await Admin.CreateAsync("/api/users", new JsonObject
        {
            ["id"] = id,
            ["displayName"] = "Service " + id,
            ["kind"] = "service",
            ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode?)r)]),
        });

    public async Task<JsonObject> CreateTeamAsync(string id, params string[] members) =>
        await Admin.CreateAsync("/api/teams", new JsonObject
        {
            ["id"] = id,
            ["displayName"] = "Team " + id,
            ["members"] = new JsonArray([.. members.Select(m => (JsonNode?)m)]),
        });

    /// <summary>Makes an API key for an account and returns the key itself.</summary>
    public async Task<string> CreateKeyAsync(string userId, params string[] scopes)
    {
        var request = new JsonObject { ["name"] = "test", ["userId"] = userId };
        if (scopes.Length > 0)
        {
            request["scopes"] = new JsonArray([.. scopes.Select(s => (JsonNode?)s)]);
        }

        var created = await Admin.CreateAsync("/api/api-keys", request);
        return created["key"]!.GetValue<string>();
    }

    /// <summary>A client acting as a new account holding <paramref name="roles"/>.</summary>
    public async Task<CrmApi> ClientForNewUserAsync(string id, params string[] roles)
    {
        await CreateUserAsync(id, roles);
        return As(await CreateKeyAsync(id));
    }

    public CrmApi As(string key) => new(factory.CreateClient(key));

    /// <summary>A fresh id with a prefix, so that tests sharing one server never collide.</summary>
    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
