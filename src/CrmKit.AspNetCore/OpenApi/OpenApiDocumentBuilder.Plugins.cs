using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The field-types path and, when the host has a plugin runtime, the plugin state paths.</summary>
internal static partial class OpenApiDocumentBuilder
{
    private static void AddFieldTypePaths(JsonObject paths, JsonObject schemas)
    {
        schemas["FieldTypeInfo"] = ObjectSchema(
            new JsonObject
            {
                ["name"] = new JsonObject { ["type"] = "string", ["description"] = "The name used in x-crm-type." },
                ["valueKind"] = new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = "How values are stored and compared, as in x-crm-kind (text, integer, date_time...).",
                },
                ["displayName"] = new JsonObject { ["type"] = "string", ["description"] = "In the request's language." },
                ["owner"] = new JsonObject
                {
                    ["type"] = new JsonArray("string", "null"),
                    ["description"] = "The module or plugin that added the type; null for a built-in type.",
                },
                ["baseSchema"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "The JSON Schema keywords every field of the type carries.",
                },
            },
            "name", "valueKind", "displayName", "owner", "baseSchema");
        paths["/api/metadata/field-types"] = new JsonObject
        {
            ["get"] = Operation("listFieldTypes", "metadata",
                "Lists the field types a field may have right now, built-in and those of loaded modules and plugins.",
                new JsonObject { ["200"] = JsonResponse("The field types.", Items(SchemaRef("FieldTypeInfo"))) }),
        };
    }

    private static void AddPluginPaths(JsonObject paths, JsonObject schemas)
    {
        schemas["PluginStatus"] = PluginStatusSchema();
        var status = SchemaRef("PluginStatus");
        paths["/api/plugins"] = new JsonObject
        {
            ["get"] = Operation("listPlugins", PluginsTag, "Lists every plugin the host knows with its state.",
                new JsonObject { ["200"] = JsonResponse("The plugins, ordered by id.", Items(status.DeepClone().AsObject())) }),
        };
        paths["/api/plugins/scan"] = new JsonObject
        {
            ["post"] = Operation("scanPlugins", PluginsTag,
                "Rescans the plugins folder: loads new plugins, reloads changed ones, unloads removed ones.",
                new JsonObject { ["200"] = JsonResponse("Every plugin after the scan.", Items(status.DeepClone().AsObject())) }),
        };
        paths["/api/plugins/{id}"] = new JsonObject
        {
            ["parameters"] = PluginIdParameter(),
            ["get"] = Operation("getPlugin", PluginsTag, "Reads one plugin's state and what it registered.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The plugin.", status.DeepClone().AsObject()) }, 404)),
        };
        foreach (var (action, summary) in new[]
        {
            ("enable", "Enables a disabled or failed plugin; the choice survives restarts."),
            ("disable",
                "Disables a plugin: its extensions go away, its fields and data stay (values of its field types become " +
                "read-only). Refused with 409 plugin.has_dependents while loaded plugins depend on it."),
            ("reload", "Unloads a plugin and loads it again from its folder, picking up a newer build."),
        })
        {
            paths["/api/plugins/{id}/" + action] = new JsonObject
            {
                ["parameters"] = PluginIdParameter(),
                ["post"] = Operation(action + "Plugin", PluginsTag, summary,
                    WithProblems(new JsonObject { ["200"] = JsonResponse("The resulting state.", status.DeepClone().AsObject()) }, 404, 409)),
            };
        }
    }

    private static JsonObject PluginStatusSchema() => ObjectSchema(
        new JsonObject
        {
            ["id"] = Type("string"),
            ["version"] = Type("string"),
            ["displayName"] = Type("string"),
            ["description"] = Type("string"),
            ["state"] = new JsonObject { ["enum"] = new JsonArray("loaded", "disabled", "failed", "blocked") },
            ["reason"] = new JsonObject
            {
                ["description"] = "Why the plugin is not loaded; null when loaded.",
                ["oneOf"] = new JsonArray(
                    Type("null"),
                    ObjectSchema(
                        new JsonObject
                        {
                            ["code"] = new JsonObject { ["type"] = "string", ["description"] = "A stable code, such as plugin.manifest_invalid." },
                            ["message"] = Type("string"),
                        },
                        "code", "message")),
            },
            ["source"] = new JsonObject { ["type"] = "string", ["description"] = "code, or the plugin's folder." },
            ["sdkRange"] = new JsonObject { ["type"] = "string", ["description"] = "The supported CrmKit.Sdk versions." },
            ["dependencies"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Type("string"),
                ["description"] = "The plugins it needs, as \"id range\".",
            },
            ["registered"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Type("string"),
                ["description"] = "What it registered while loaded, as kind:name (field-type:..., field:entity.name...).",
            },
            ["changedAt"] = DateTime(),
        },
        "id", "version", "displayName", "description", "state", "reason", "source", "sdkRange", "dependencies",
        "registered", "changedAt");
}
