using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Records;
using Scriban.Runtime;

namespace CrmKit.Core.Templates;

/// <summary>
/// Copies a <see cref="TemplateModel"/> into Scriban objects (<see cref="ScriptObject"/>, <see cref="ScriptArray"/>,
/// strings, numbers, booleans, dates) so that no .NET object of the host is reachable from a template.
/// </summary>
internal static class TemplateScriptModel
{
    /// <summary>Builds the globals of one render.</summary>
    public static ScriptObject Create(TemplateModel model)
    {
        var globals = new ScriptObject(8)
        {
            ["record"] = model.Record is null ? null : FromRecord(model.Record),
            ["previous"] = model.Previous is null ? null : FromObject(model.Previous),
            ["now"] = model.Now.UtcDateTime,
            ["culture"] = model.Culture,
            ["extra"] = model.Extra is null ? new ScriptObject() : FromObject(model.Extra),
        };

        var related = new ScriptObject();
        if (model.Related is not null)
        {
            foreach (var (field, record) in model.Related)
            {
                related[field] = FromRecord(record);
            }
        }

        globals["related"] = related;
        if (model.User is { } user)
        {
            var roles = new ScriptArray(user.Roles.Count);
            foreach (var role in user.Roles)
            {
                roles.Add(role);
            }

            globals["user"] = new ScriptObject { ["id"] = user.UserId, ["name"] = user.DisplayName, ["roles"] = roles };
        }
        else
        {
            globals["user"] = null;
        }

        return globals;
    }

    /// <summary>A record: its field values plus the system fields in snake case.</summary>
    public static ScriptObject FromRecord(CrmRecord record)
    {
        var values = record.Values;
        var result = new ScriptObject(values.Count + 9);
        foreach (var (name, node) in values)
        {
            result[name] = FromNode(node);
        }

        result["id"] = record.Id.ToString();
        result["entity"] = record.Entity;
        result["version"] = record.Version;
        result["created_at"] = record.CreatedAt.UtcDateTime;
        result["created_by"] = record.CreatedBy;
        result["updated_at"] = record.UpdatedAt.UtcDateTime;
        result["updated_by"] = record.UpdatedBy;
        result["owner_id"] = record.OwnerId;
        result["deleted_at"] = record.DeletedAt?.UtcDateTime;
        return result;
    }

    /// <summary>A JSON object as a Scriban object.</summary>
    public static ScriptObject FromObject(JsonObject json)
    {
        var result = new ScriptObject(json.Count);
        foreach (var (name, node) in json)
        {
            result[name] = FromNode(node);
        }

        return result;
    }

    /// <summary>A JSON value as a Scriban value.</summary>
    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                return FromObject(obj);
            case JsonArray array:
                var list = new ScriptArray(array.Count);
                foreach (var item in array)
                {
                    list.Add(FromNode(item));
                }

                return list;
            default:
                var value = node.AsValue();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        return value.GetValue<string>();
                    case JsonValueKind.True:
                        return true;
                    case JsonValueKind.False:
                        return false;
                    case JsonValueKind.Number:
                        if (value.TryGetValue<long>(out var whole))
                        {
                            return whole;
                        }

                        return value.TryGetValue<decimal>(out var exact) ? exact : value.GetValue<double>();
                    default:
                        return null;
                }
        }
    }
}
