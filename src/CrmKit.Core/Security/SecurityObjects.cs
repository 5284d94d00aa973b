using System.Text.Json.Nodes;
using CrmKit.Core.Storage;

namespace CrmKit.Core.Security;

/// <summary>Maps the stored directory documents to their models (stored documents were validated when written).</summary>
internal static class SecurityObjects
{
    public const string User = "user";
    public const string Team = "team";
    public const string Role = "role";
    public const string ApiKey = "api_key";

    public static CrmUser ToUser(StoredSecurityObject stored)
    {
        var user = UserDocuments.ReadUser(Parse(stored), []);
        return new CrmUser
        {
            Id = stored.Id, DisplayName = user.DisplayName, Email = user.Email, ExternalId = user.ExternalId, Kind = user.Kind,
            Roles = user.Roles, Active = user.Active, Version = stored.Version, UpdatedAt = stored.UpdatedAt, UpdatedBy = stored.UpdatedBy,
        };
    }

    public static CrmTeam ToTeam(StoredSecurityObject stored)
    {
        var team = UserDocuments.ReadTeam(Parse(stored), []);
        return new CrmTeam
        {
            Id = stored.Id, DisplayName = team.DisplayName, Members = team.Members,
            Version = stored.Version, UpdatedAt = stored.UpdatedAt, UpdatedBy = stored.UpdatedBy,
        };
    }

    public static CrmRole ToRole(StoredSecurityObject stored)
    {
        var role = RoleDocuments.Read(stored.Id, Parse(stored), []);
        return new CrmRole
        {
            Name = stored.Id, Labels = role.Labels, Description = role.Description, Privileges = role.Privileges, Entities = role.Entities,
            Version = stored.Version, UpdatedAt = stored.UpdatedAt, UpdatedBy = stored.UpdatedBy,
        };
    }

    private static JsonObject Parse(StoredSecurityObject stored) => (JsonObject)JsonNode.Parse(stored.Document)!;
}
