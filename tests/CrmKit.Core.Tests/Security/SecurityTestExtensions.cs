using System.Text.Json.Nodes;
using CrmKit.Core.Security;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Security;

/// <summary>Directory set-up on a Core test host, as its administrator.</summary>
internal static class SecurityTestExtensions
{
    public static ISecurityDirectoryService Directory(this CrmTestHost host) => host.Services.GetRequiredService<ISecurityDirectoryService>();

    public static Task<CrmRole> SaveRoleAsync(this CrmTestHost host, string name, string document) =>
        host.Directory().SaveRoleAsync(CrmTestHost.User, name, JsonNode.Parse(document)!.AsObject(), null);

    public static Task<CrmUser> AddUserAsync(this CrmTestHost host, string id, string kind, params string[] roles) =>
        host.Directory().CreateUserAsync(CrmTestHost.User, new JsonObject
        {
            ["id"] = id,
            ["displayName"] = id,
            ["kind"] = kind,
            ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode?)r)]),
        });

    /// <summary>The principal of a directory account, as the REST layer would make it.</summary>
    public static CrmPrincipal PrincipalOf(this CrmTestHost host, string id) =>
        host.Services.GetRequiredService<IAccessControl>().PrincipalOf(id, CrmChannel.Rest)
        ?? throw new InvalidOperationException($"No active account {id}.");
}
