using System.Text.Json.Nodes;
using CrmKit.Core.Security;

namespace CrmKit.Core.Settings;

/// <summary>
/// Secret settings at rest: each secret value is stored as <c>{"$protected": "&lt;Data Protection payload&gt;"}</c>, the
/// payload being the value's JSON text encrypted by <see cref="ISecretProtector"/>. Plain values stored by an older
/// version are read as they are and encrypted at the module's next save.
/// </summary>
internal static class SecretValues
{
    private const string Marker = "$protected";

    /// <summary>A copy of <paramref name="values"/> with each secret encrypted.</summary>
    public static JsonObject Conceal(JsonObject values, IEnumerable<string> secrets, ISecretProtector protector)
    {
        var stored = (JsonObject)values.DeepClone();
        foreach (var secret in secrets)
        {
            if (stored[secret] is { } value)
            {
                stored[secret] = new JsonObject { [Marker] = protector.Protect(value.ToJsonString()) };
            }
        }

        return stored;
    }

    /// <summary>The values with every encrypted member decrypted (<paramref name="stored"/> is changed in place).</summary>
    public static JsonObject Reveal(JsonObject stored, ISecretProtector protector)
    {
        foreach (var name in stored.Select(p => p.Key).ToList())
        {
            if (stored[name] is JsonObject { Count: 1 } o && o[Marker] is JsonValue payload && payload.TryGetValue(out string? text))
            {
                stored[name] = JsonNode.Parse(protector.Unprotect(text));
            }
        }

        return stored;
    }
}
