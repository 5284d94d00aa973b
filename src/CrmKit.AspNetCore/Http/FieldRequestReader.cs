using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Metadata;
using CrmKit.Sdk.Errors;

namespace CrmKit.AspNetCore.Http;

/// <summary>
/// Reads the body of <c>POST .../fields</c> (<c>{"name", "schema", "required", "conversion", "force"}</c>) and of
/// <c>PATCH .../fields/{field}</c> (the same without <c>name</c>; a missing <c>schema</c> keeps the current one).
/// Every problem with the body is reported at once.
/// </summary>
internal static class FieldRequestReader
{
    private static readonly HashSet<string> Members =
        new(["name", "schema", "required", "conversion", "force"], StringComparer.Ordinal);

    /// <param name="body">The parsed body.</param>
    /// <param name="fieldName">The field named by the address (PATCH), or null when the body names it (POST).</param>
    /// <param name="currentSchema">The field's current schema (PATCH), used when the body has none.</param>
    public static (string Name, FieldChangeRequest Request) Read(JsonNode? body, string? fieldName, JsonObject? currentSchema)
    {
        if (body is not JsonObject members)
        {
            throw ApiErrors.InvalidBody([ApiErrors.ExpectedObject(string.Empty)]);
        }

        var errors = new List<CrmError>();
        foreach (var (member, _) in members)
        {
            if (!Members.Contains(member))
            {
                errors.Add(ApiErrors.MemberUnknown("/" + Escape(member)));
            }
        }

        var name = ReadName(members, fieldName, errors);
        var schema = ReadSchema(members, fieldName is null ? null : currentSchema ?? [], errors);
        var required = ReadBoolean(members, "required", errors);
        var force = ReadBoolean(members, "force", errors) ?? false;
        var conversion = ReadConversion(members, errors);
        if (errors.Count > 0)
        {
            throw ApiErrors.InvalidBody(errors);
        }

        return (name, new FieldChangeRequest
        {
            // The service keeps the schema; detach it from the request document.
            Schema = (JsonObject)schema!.DeepClone(),
            Required = required,
            Conversion = conversion,
            Force = force,
        });
    }

    private static string ReadName(JsonObject members, string? fieldName, List<CrmError> errors)
    {
        members.TryGetPropertyValue("name", out var node);
        if (fieldName is not null)
        {
            if (node is not null && (!IsString(node, out var given) || given != fieldName))
            {
                errors.Add(ApiErrors.MemberMismatch("/name"));
            }

            return fieldName;
        }

        if (node is null)
        {
            errors.Add(ApiErrors.MemberRequired("/name"));
            return string.Empty;
        }

        if (!IsString(node, out var name))
        {
            errors.Add(ApiErrors.ExpectedString("/name"));
            return string.Empty;
        }

        return name;
    }

    private static JsonObject? ReadSchema(JsonObject members, JsonObject? fallback, List<CrmError> errors)
    {
        if (!members.TryGetPropertyValue("schema", out var node) || node is null)
        {
            if (fallback is null)
            {
                errors.Add(ApiErrors.MemberRequired("/schema"));
            }

            return fallback;
        }

        if (node is not JsonObject schema)
        {
            errors.Add(ApiErrors.ExpectedObject("/schema"));
            return null;
        }

        return schema;
    }

    private static bool? ReadBoolean(JsonObject members, string member, List<CrmError> errors)
    {
        if (!members.TryGetPropertyValue(member, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValueKind() == JsonValueKind.True;
        }

        errors.Add(ApiErrors.ExpectedBoolean("/" + member));
        return null;
    }

    private static FieldConversion ReadConversion(JsonObject members, List<CrmError> errors)
    {
        if (!members.TryGetPropertyValue("conversion", out var node) || node is null)
        {
            return FieldConversion.None;
        }

        if (IsString(node, out var text))
        {
            switch (text)
            {
                case "none":
                    return FieldConversion.None;
                case "cast":
                    return FieldConversion.Cast;
            }
        }

        errors.Add(ApiErrors.InvalidConversion("/conversion"));
        return FieldConversion.None;
    }

    private static bool IsString(JsonNode node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>Escapes a member name for a JSON pointer (RFC 6901).</summary>
    internal static string Escape(string member) => member.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
