using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Security;

/// <summary>Reads and writes account and team documents (the shapes of <c>/api/users</c> and <c>/api/teams</c>).</summary>
internal static class UserDocuments
{
    private static readonly string[] ColumnMembers = ["version", "updatedAt", "updatedBy"];

    /// <summary>Reads an account; problems go to <paramref name="errors"/>.</summary>
    public static CrmUser ReadUser(JsonObject document, List<CrmError> errors)
    {
        var reader = new DocumentReader(document, errors);
        reader.RefuseUnknown([.. ColumnMembers, "id", "displayName", "email", "externalId", "kind", "roles", "active", "teams"]);
        var id = reader.Id("id") ?? "";
        var kindText = reader.String("kind");
        var kind = kindText switch
        {
            null or "user" => CrmUserKind.User,
            "service" => CrmUserKind.Service,
            _ => (CrmUserKind?)null,
        };
        if (kind is null)
        {
            errors.Add(SecurityMessages.Error("user.invalid_kind", "/kind", kindText));
        }

        var email = reader.String("email", maxLength: 320);
        if (email is { Length: > 0 } && !LooksLikeEmail(email))
        {
            errors.Add(SecurityMessages.Error("security.invalid_email", "/email", email));
        }

        return new CrmUser
        {
            Id = id,
            DisplayName = reader.String("displayName", required: true) ?? "",
            Email = email,
            ExternalId = reader.String("externalId", maxLength: 256),
            Kind = kind ?? CrmUserKind.User,
            Roles = reader.Strings("roles") ?? [],
            Active = reader.Boolean("active") ?? true,
        };
    }

    /// <summary>Reads a team; problems go to <paramref name="errors"/>.</summary>
    public static CrmTeam ReadTeam(JsonObject document, List<CrmError> errors)
    {
        var reader = new DocumentReader(document, errors);
        reader.RefuseUnknown([.. ColumnMembers, "id", "displayName", "members"]);
        return new CrmTeam
        {
            Id = reader.Id("id") ?? "",
            DisplayName = reader.String("displayName", required: true) ?? "",
            Members = reader.Strings("members") ?? [],
        };
    }

    /// <summary>One '@' with text on both sides, a dot in the domain, no spaces: a typo check, not RFC 5322.</summary>
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') &&
               !email.Any(char.IsWhiteSpace);
    }

    public static JsonObject ToDocument(CrmUser user) => new()
    {
        ["id"] = user.Id,
        ["displayName"] = user.DisplayName,
        ["email"] = user.Email,
        ["externalId"] = user.ExternalId,
        ["kind"] = user.Kind == CrmUserKind.Service ? "service" : "user",
        ["roles"] = new JsonArray([.. user.Roles.Select(r => (JsonNode?)r)]),
        ["active"] = user.Active,
    };

    public static JsonObject ToDocument(CrmTeam team) => new()
    {
        ["id"] = team.Id,
        ["displayName"] = team.DisplayName,
        ["members"] = new JsonArray([.. team.Members.Select(m => (JsonNode?)m)]),
    };

    /// <summary>The API shape of an account, with the teams it belongs to.</summary>
    public static JsonObject ToJson(CrmUser user, IEnumerable<string> teams)
    {
        var json = ToDocument(user);
        json["teams"] = new JsonArray([.. teams.Select(t => (JsonNode?)t)]);
        AddColumns(json, user.Version, user.UpdatedAt, user.UpdatedBy);
        return json;
    }

    public static JsonObject ToJson(CrmTeam team)
    {
        var json = ToDocument(team);
        AddColumns(json, team.Version, team.UpdatedAt, team.UpdatedBy);
        return json;
    }

    private static void AddColumns(JsonObject json, long version, DateTimeOffset updatedAt, string updatedBy)
    {
        json["version"] = version;
        json["updatedAt"] = CanonicalInstant.ToText(updatedAt);
        json["updatedBy"] = updatedBy;
    }
}
