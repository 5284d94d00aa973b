using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Security;

/// <summary>
/// Reads the members of a directory document (account, team, role, API key request) and collects every problem with its
/// JSON pointer, so that one answer lists all of them.
/// </summary>
internal sealed class DocumentReader(JsonObject document, List<CrmError> errors, string pointer = "")
{
    public JsonObject Document { get; } = document;

    public List<CrmError> Errors { get; } = errors;

    public string Pointer { get; } = pointer;

    public string At(string member) => Pointer + "/" + member;

    /// <summary>Reports every member not in <paramref name="known"/>.</summary>
    public void RefuseUnknown(params string[] known)
    {
        foreach (var (name, _) in Document)
        {
            if (Array.IndexOf(known, name) < 0)
            {
                Errors.Add(SecurityMessages.Error("security.unknown_property", At(name), name));
            }
        }
    }

    public string? String(string member, bool required = false, int maxLength = 200)
    {
        if (!Document.TryGetPropertyValue(member, out var node) || node is null)
        {
            if (required)
            {
                Errors.Add(SecurityMessages.Error("security.required", At(member), member));
            }

            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            Errors.Add(SecurityMessages.Error("security.expected_string", At(member)));
            return null;
        }

        var text = value.GetValue<string>();
        if (text.Length > maxLength)
        {
            Errors.Add(SecurityMessages.Error("security.too_long", At(member), maxLength));
            return null;
        }

        if (required && text.Trim().Length == 0)
        {
            Errors.Add(SecurityMessages.Error("security.required", At(member), member));
            return null;
        }

        return text;
    }

    public string? Id(string member, bool required = true)
    {
        var id = String(member, required, SecurityIds.MaxLength + 1);
        if (id is not null && !SecurityIds.IsValid(id))
        {
            Errors.Add(SecurityMessages.Error("security.invalid_id", At(member), id));
            return null;
        }

        return id;
    }

    public bool? Boolean(string member)
    {
        if (!Document.TryGetPropertyValue(member, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        Errors.Add(SecurityMessages.Error("security.expected_boolean", At(member)));
        return null;
    }

    /// <summary>An array of strings (each trimmed, repeats dropped), or null when absent or not one.</summary>
    public List<string>? Strings(string member)
    {
        if (!Document.TryGetPropertyValue(member, out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonArray array || array.Any(i => i is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            Errors.Add(SecurityMessages.Error("security.expected_string_array", At(member)));
            return null;
        }

        return array.Select(i => i!.GetValue<string>().Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    public JsonObject? Object(string member)
    {
        if (!Document.TryGetPropertyValue(member, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonObject o)
        {
            return o;
        }

        Errors.Add(SecurityMessages.Error("security.expected_object", At(member)));
        return null;
    }

    public DocumentReader Nested(JsonObject o, string member) => new(o, Errors, At(member));
}
