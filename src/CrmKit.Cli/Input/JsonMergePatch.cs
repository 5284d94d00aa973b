using System.Text.Json.Nodes;

namespace CrmKit.Cli.Input;

/// <summary>Applies a JSON Merge Patch (RFC 7396): objects merge member by member, null removes a member.</summary>
internal static class JsonMergePatch
{
    public static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                Apply(targetObject, patchObject);
            }
            else
            {
                target[name] = WithoutNulls(value.DeepClone());
            }
        }
    }

    // A member added by the patch keeps no nulls of its own: in a merge patch null only ever means "remove".
    private static JsonNode WithoutNulls(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                obj.Remove(name);
            }

            foreach (var (_, value) in obj)
            {
                WithoutNulls(value!);
            }
        }

        return node;
    }
}
