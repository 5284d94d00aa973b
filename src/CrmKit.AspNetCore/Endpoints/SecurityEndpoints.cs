using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// The security directory: <c>GET /api/me</c>; <c>/api/users[/{id}]</c>, <c>/api/teams[/{id}]</c> and
/// <c>/api/roles[/{name}]</c>. Anyone signed in may read them; changes need <c>security.manage</c> (checked in Core).
/// </summary>
internal static class SecurityEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me", (Func<HttpContext, Task<IResult>>)MeAsync);

        var users = endpoints.MapGroup("/api/users");
        users.MapGet("", (Func<HttpContext, Task<IResult>>)ListUsersAsync);
        users.MapPost("", (Func<HttpContext, Task<IResult>>)CreateUserAsync);
        users.MapGet("/{id}", GetUserAsync);
        users.MapPatch("/{id}", UpdateUserAsync);

        var teams = endpoints.MapGroup("/api/teams");
        teams.MapGet("", (Func<HttpContext, Task<IResult>>)ListTeamsAsync);
        teams.MapPost("", (Func<HttpContext, Task<IResult>>)CreateTeamAsync);
        teams.MapGet("/{id}", GetTeamAsync);
        teams.MapPatch("/{id}", UpdateTeamAsync);
        teams.MapDelete("/{id}", DeleteTeamAsync);

        var roles = endpoints.MapGroup("/api/roles");
        roles.MapGet("", (Func<HttpContext, Task<IResult>>)ListRolesAsync);
        roles.MapGet("/{name}", GetRoleAsync);
        roles.MapPut("/{name}", SaveRoleAsync);
        roles.MapDelete("/{name}", DeleteRoleAsync);
    }

    private static async Task<IResult> MeAsync(HttpContext context)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var me = ApiRequest.GetService<IAccessControl>(context).Describe(principal);
        return new JsonWriterResult(StatusCodes.Status200OK, w => me.WriteTo(w));
    }

    private static async Task<IResult> ListUsersAsync(HttpContext context)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        var directory = Directory(context);
        return Items(directory.ListUsers().Select(u => SecurityJson.User(u, directory.TeamsOf(u.Id))));
    }

    private static async Task<IResult> CreateUserAsync(HttpContext context)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var user = await Directory(context).CreateUserAsync(principal, await BodyAsync(context), context.RequestAborted);
        return Created(context, UserJson(context, user), user.Id, user.Version);
    }

    private static async Task<IResult> GetUserAsync(HttpContext context, string id)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        var user = Directory(context).GetUser(id);
        return Single(StatusCodes.Status200OK, UserJson(context, user), user.Version);
    }

    private static async Task<IResult> UpdateUserAsync(HttpContext context, string id)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var expected = IfMatchHeader.Parse(context.Request);
        var user = await Directory(context).UpdateUserAsync(principal, id, await BodyAsync(context), expected, context.RequestAborted);
        return Single(StatusCodes.Status200OK, UserJson(context, user), user.Version);
    }

    private static async Task<IResult> ListTeamsAsync(HttpContext context)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        return Items(Directory(context).ListTeams().Select(SecurityJson.Team));
    }

    private static async Task<IResult> CreateTeamAsync(HttpContext context)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var team = await Directory(context).CreateTeamAsync(principal, await BodyAsync(context), context.RequestAborted);
        return Created(context, SecurityJson.Team(team), team.Id, team.Version);
    }

    private static async Task<IResult> GetTeamAsync(HttpContext context, string id)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        var team = Directory(context).GetTeam(id);
        return Single(StatusCodes.Status200OK, SecurityJson.Team(team), team.Version);
    }

    private static async Task<IResult> UpdateTeamAsync(HttpContext context, string id)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var expected = IfMatchHeader.Parse(context.Request);
        var team = await Directory(context).UpdateTeamAsync(principal, id, await BodyAsync(context), expected, context.RequestAborted);
        return Single(StatusCodes.Status200OK, SecurityJson.Team(team), team.Version);
    }

    private static async Task<IResult> DeleteTeamAsync(HttpContext context, string id)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        await Directory(context).DeleteTeamAsync(principal, id, context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> ListRolesAsync(HttpContext context)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        return Items(Directory(context).ListRoles().Select(SecurityJson.Role));
    }

    private static async Task<IResult> GetRoleAsync(HttpContext context, string name)
    {
        _ = await ApiRequest.GetPrincipalAsync(context);
        var role = Directory(context).GetRole(name);
        return Single(StatusCodes.Status200OK, SecurityJson.Role(role), role.Version);
    }

    private static async Task<IResult> SaveRoleAsync(HttpContext context, string name)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var expected = IfMatchHeader.Parse(context.Request);
        var role = await Directory(context).SaveRoleAsync(principal, name, await BodyAsync(context), expected, context.RequestAborted);
        return role.Version == 1
            ? Created(context, SecurityJson.Role(role), null, role.Version)
            : Single(StatusCodes.Status200OK, SecurityJson.Role(role), role.Version);
    }

    private static async Task<IResult> DeleteRoleAsync(HttpContext context, string name)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        await Directory(context).DeleteRoleAsync(principal, name, context.RequestAborted);
        return Results.NoContent();
    }

    private static ISecurityDirectoryService Directory(HttpContext context) => ApiRequest.GetService<ISecurityDirectoryService>(context);

    private static JsonObject UserJson(HttpContext context, CrmUser user) => SecurityJson.User(user, Directory(context).TeamsOf(user.Id));

    internal static async Task<JsonObject> BodyAsync(HttpContext context) =>
        await ApiRequest.ReadJsonAsync(context) as JsonObject ?? throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject(string.Empty)]);

    internal static JsonWriterResult Items(IEnumerable<JsonObject> items) => new(StatusCodes.Status200OK, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("items");
        foreach (var item in items)
        {
            item.WriteTo(w);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    internal static JsonWriterResult Single(int status, JsonObject json, long? version) =>
        new(status, w => json.WriteTo(w)) { ETag = version is { } v ? IfMatchHeader.Format(v) : null };

    private static JsonWriterResult Created(HttpContext context, JsonObject json, string? child, long version) =>
        new(StatusCodes.Status201Created, w => json.WriteTo(w))
        {
            ETag = IfMatchHeader.Format(version),
            Location = child is null ? context.Request.PathBase.Add(context.Request.Path).ToString() : ApiRequest.ChildLocation(context, child),
        };
}
