using System.Text.Json.Nodes;

namespace CrmKit.Core.Workflows;

/// <summary>
/// The parameters the built-in actions need. Kept loose on purpose (other members are allowed) so that the engine can
/// grow them; string members may be Scriban templates, so formats are checked at run time.
/// </summary>
internal static class BuiltInActionSchemas
{
    public static JsonObject For(string action) => action switch
    {
        BuiltInWorkflowActions.SetFields => Object(["values"], new() { ["values"] = Type("object") }),
        BuiltInWorkflowActions.CreateRecord => Object(
            ["entity", "values"], new() { ["entity"] = Type("string"), ["values"] = Type("object") }),
        BuiltInWorkflowActions.AssignOwner => Object(["strategy", "members"], new()
        {
            ["field"] = Type("string"),
            ["strategy"] = new JsonObject { ["enum"] = new JsonArray("round_robin", "least_loaded") },
            ["members"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = Type("string") },
        }),
        BuiltInWorkflowActions.RenderTemplate => Object(["template"], new()
        {
            ["template"] = Type("string"),
            ["to"] = Type("string"),
        }),
        BuiltInWorkflowActions.SendMessage => Object(["channel", "to"], new()
        {
            ["channel"] = Type("string"),
            ["to"] = Type("string"),
            ["template"] = Type("string"),
            ["text"] = Type("string"),
        }),
        BuiltInWorkflowActions.Webhook => Object(["url"], new()
        {
            ["url"] = Type("string"),
            ["secretSetting"] = Type("string"),
            ["body"] = Type("object"),
        }),
        BuiltInWorkflowActions.Delay => Object(["duration"], new() { ["duration"] = Type("string") }),
        _ => new JsonObject { ["type"] = "object" },
    };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Object(string[] required, JsonObject properties) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray(required.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
        ["properties"] = properties,
    };
}
