using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The settings paths of plugins and modules (one set, parameterized by plugin id).</summary>
internal static partial class OpenApiDocumentBuilder
{
    private const string PluginsTag = "plugins";

    private static void AddPluginSettingsPaths(JsonObject paths)
    {
        paths["/api/plugins/{id}/settings"] = new JsonObject
        {
            ["parameters"] = PluginIdParameter(),
            ["get"] = Operation("getPluginSettings", PluginsTag,
                "Reads a plugin's saved settings; secrets (writeOnly properties) are only named in secretsSet.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The settings.", PluginSettingsSchema()) }, 404)),
            ["put"] = Operation("savePluginSettings", PluginsTag,
                "Validates and saves a plugin's settings. values replaces the saved values; a secret left out keeps its " +
                "value and a secret sent as null is cleared. Send the version you read to refuse a stale save (409).",
                WithProblems(
                    new JsonObject { ["200"] = JsonResponse("The saved settings.", PluginSettingsSchema()) },
                    400, 404, 409, 413, 415),
                requestBody: JsonBody("The new values and, optionally, the version read.", ObjectSchema(
                    new JsonObject
                    {
                        ["values"] = Type("object"),
                        ["version"] = new JsonObject
                        {
                            ["type"] = "integer",
                            ["minimum"] = 0,
                            ["description"] = "The version read (0: never saved).",
                        },
                    },
                    "values"))),
        };
        paths["/api/plugins/{id}/settings/schema"] = new JsonObject
        {
            ["parameters"] = PluginIdParameter(),
            ["get"] = Operation("getPluginSettingsSchema", PluginsTag, "Returns the JSON Schema of a plugin's settings.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The schema.", Type("object")) }, 404)),
        };
    }

    private static JsonArray PluginIdParameter() => [PathParameter("id", "The plugin (or module) id.", Type("string"))];

    private static JsonObject PluginSettingsSchema() => ObjectSchema(
        new JsonObject
        {
            ["values"] = new JsonObject { ["type"] = "object", ["description"] = "The saved values, without secrets." },
            ["secretsSet"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Type("string"),
                ["description"] = "The secrets that have a value.",
            },
            ["version"] = new JsonObject { ["type"] = "integer", ["description"] = "The version; 0 when never saved." },
        },
        "values", "secretsSet", "version");
}
