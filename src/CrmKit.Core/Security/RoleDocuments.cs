using System.Text.Json.Nodes;
using CrmKit.Core.Query;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Security;

/// <summary>Reads and writes role documents (the shape of <c>/api/roles</c> and of stored roles).</summary>
internal static class RoleDocuments
{
    private static readonly string[] Operations = ["create", "read", "update", "delete", "export"];

    /// <summary>Reads a role; problems go to <paramref name="errors"/> and the result is then meaningless.</summary>
    public static CrmRole Read(string name, JsonObject document, List<CrmError> errors)
    {
        var reader = new DocumentReader(document, errors);
        reader.RefuseUnknown("name", "labels", "description", "privileges", "entities", "version", "builtIn", "updatedAt", "updatedBy");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.Object("labels") is { } labelObject)
        {
            var labelReader = reader.Nested(labelObject, "labels");
            foreach (var (language, _) in labelObject)
            {
                if (labelReader.String(language) is { } label)
                {
                    labels[language] = label;
                }
            }
        }

        var privileges = reader.Strings("privileges") ?? [];
        foreach (var privilege in privileges.Where(p => !CrmPrivileges.All.Contains(p)))
        {
            errors.Add(SecurityMessages.Error("role.unknown_privilege", reader.At("privileges"), privilege, string.Join(", ", CrmPrivileges.All)));
        }

        var entities = new Dictionary<string, EntityPermissions>(StringComparer.Ordinal);
        if (reader.Object("entities") is { } entityObject)
        {
            foreach (var (entity, node) in entityObject)
            {
                var pointer = "/entities/" + entity;
                if (entity != "*" && !QueryFields.IsValidName(entity))
                {
                    errors.Add(SecurityMessages.Error("role.invalid_entity", pointer, entity));
                    continue;
                }

                if (node is not JsonObject grant)
                {
                    errors.Add(SecurityMessages.Error("security.expected_object", pointer));
                    continue;
                }

                entities[entity] = ReadGrant(new DocumentReader(grant, errors, pointer));
            }
        }

        return new CrmRole
        {
            Name = name,
            Labels = labels,
            Description = reader.String("description", maxLength: 4000),
            Privileges = privileges,
            Entities = entities,
        };
    }

    private static EntityPermissions ReadGrant(DocumentReader reader)
    {
        reader.RefuseUnknown([.. Operations, "fields"]);
        var fields = new Dictionary<string, FieldAccess>(StringComparer.Ordinal);
        if (reader.Object("fields") is { } fieldObject)
        {
            var fieldReader = reader.Nested(fieldObject, "fields");
            foreach (var (field, _) in fieldObject)
            {
                if (field != "*" && !QueryFields.IsValidName(field))
                {
                    reader.Errors.Add(SecurityMessages.Error("role.invalid_field", fieldReader.At(field), field));
                    continue;
                }

                if (fieldReader.String(field) is { } text)
                {
                    if (ParseFieldAccess(text) is { } access)
                    {
                        fields[field] = access;
                    }
                    else
                    {
                        reader.Errors.Add(SecurityMessages.Error("role.invalid_field_access", fieldReader.At(field), text));
                    }
                }
            }
        }

        return new EntityPermissions
        {
            Create = Scope(reader, "create"),
            Read = Scope(reader, "read"),
            Update = Scope(reader, "update"),
            Delete = Scope(reader, "delete"),
            Export = Scope(reader, "export"),
            Fields = fields,
        };
    }

    private static AccessScope Scope(DocumentReader reader, string member)
    {
        var text = reader.String(member);
        if (text is null)
        {
            return AccessScope.None;
        }

        if (ParseScope(text) is { } scope)
        {
            return scope;
        }

        reader.Errors.Add(SecurityMessages.Error("role.invalid_scope", reader.At(member), text));
        return AccessScope.None;
    }

    public static AccessScope? ParseScope(string text) => text switch
    {
        "none" => AccessScope.None,
        "own" => AccessScope.Own,
        "team" => AccessScope.Team,
        "all" => AccessScope.All,
        _ => null,
    };

    public static FieldAccess? ParseFieldAccess(string text) => text switch
    {
        "hidden" => FieldAccess.Hidden,
        "read_only" => FieldAccess.ReadOnly,
        "writable" => FieldAccess.Writable,
        _ => null,
    };

    public static string Text(AccessScope scope) => scope switch
    {
        AccessScope.Own => "own",
        AccessScope.Team => "team",
        AccessScope.All => "all",
        _ => "none",
    };

    public static string Text(FieldAccess access) => access switch
    {
        FieldAccess.Hidden => "hidden",
        FieldAccess.ReadOnly => "read_only",
        _ => "writable",
    };

    /// <summary>The stored document: what <see cref="Read"/> accepts, without the columns (version, who, when).</summary>
    public static JsonObject ToDocument(CrmRole role)
    {
        var entities = new JsonObject();
        foreach (var (entity, grant) in role.Entities.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var o = new JsonObject();
            foreach (var operation in Operations)
            {
                o[operation] = Text(grant.ScopeOf(Enum.Parse<AccessRight>(operation, ignoreCase: true)));
            }

            if (grant.Fields.Count > 0)
            {
                var fields = new JsonObject();
                foreach (var (field, access) in grant.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    fields[field] = Text(access);
                }

                o["fields"] = fields;
            }

            entities[entity] = o;
        }

        var labels = new JsonObject();
        foreach (var (language, label) in role.Labels)
        {
            labels[language] = label;
        }

        return new JsonObject
        {
            ["name"] = role.Name,
            ["labels"] = labels,
            ["description"] = role.Description,
            ["privileges"] = new JsonArray([.. role.Privileges.Select(p => (JsonNode?)p)]),
            ["entities"] = entities,
        };
    }

    /// <summary>The API shape: the document plus version, built-in flag and who changed it when.</summary>
    public static JsonObject ToJson(CrmRole role)
    {
        var json = ToDocument(role);
        json["builtIn"] = role.BuiltIn;
        json["version"] = role.Version;
        if (!role.BuiltIn)
        {
            json["updatedAt"] = Storage.CanonicalInstant.ToText(role.UpdatedAt);
            json["updatedBy"] = role.UpdatedBy;
        }

        return json;
    }
}
