using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The plugin package paths (install, update, remove and restore from NuGet feeds), when the host has them.</summary>
internal static partial class OpenApiDocumentBuilder
{
    private static void AddPluginPackagePaths(JsonObject paths, JsonObject schemas)
    {
        schemas["PluginPackageProblem"] = ObjectSchema(
            new JsonObject
            {
                ["code"] = new JsonObject { ["type"] = "string", ["description"] = "A stable code, such as plugin_package.hash_mismatch." },
                ["message"] = Type("string"),
                ["packageId"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            },
            "code", "message", "packageId");
        schemas["PluginPackagePlan"] = ObjectSchema(
            new JsonObject
            {
                ["canApply"] = new JsonObject { ["type"] = "boolean", ["description"] = "False when the plan has problems." },
                ["hasChanges"] = Type("boolean"),
                ["isRestore"] = Type("boolean"),
                ["steps"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = ObjectSchema(
                        new JsonObject
                        {
                            ["id"] = Type("string"),
                            ["action"] = new JsonObject { ["enum"] = new JsonArray("install", "upgrade", "downgrade", "remove", "keep") },
                            ["fromVersion"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                            ["toVersion"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                            ["source"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "The nuget.config source name." },
                            ["sha512"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "Base64 SHA-512 of the package." },
                            ["requested"] = Type("boolean"),
                            ["dependencies"] = new JsonObject { ["type"] = "array", ["items"] = Type("string") },
                        },
                        "id", "action", "fromVersion", "toVersion", "source", "sha512", "requested", "dependencies"),
                },
                ["problems"] = new JsonObject { ["type"] = "array", ["items"] = SchemaRef("PluginPackageProblem") },
            },
            "canApply", "hasChanges", "isRestore", "steps", "problems");
        schemas["PluginPackageRequest"] = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["install"] = new JsonObject
                {
                    ["type"] = "array",
                    ["description"] = "Plugins to install or move, as \"id\", \"id@range\" or {id, versionRange}.",
                    ["items"] = new JsonObject
                    {
                        ["oneOf"] = new JsonArray(
                            Type("string"),
                            ObjectSchema(new JsonObject { ["id"] = Type("string"), ["versionRange"] = Type("string") }, "id")),
                    },
                },
                ["update"] = new JsonObject { ["type"] = "array", ["items"] = Type("string"), ["description"] = "Installed plugins to update." },
                ["remove"] = new JsonObject { ["type"] = "array", ["items"] = Type("string"), ["description"] = "Installed plugins to remove." },
                ["prerelease"] = new JsonObject { ["type"] = "boolean", ["description"] = "Allow prerelease versions." },
            },
        };
        var plan = SchemaRef("PluginPackagePlan");
        var refused = new JsonObject
        {
            ["description"] = "plugin_package.*: refused (nothing changed); problems lists every problem, plan the plan.",
            ["content"] = new JsonObject { [ProblemMediaType] = new JsonObject { ["schema"] = SchemaRef("Problem") } },
        };
        var feedFailed = new JsonObject
        {
            ["description"] = "plugin_package.feed_unreachable | feed_error | feed_unauthorized: a feed failed (nothing changed).",
            ["content"] = new JsonObject { [ProblemMediaType] = new JsonObject { ["schema"] = SchemaRef("Problem") } },
        };
        JsonObject Changing() => WithProblems(new JsonObject
        {
            ["200"] = JsonResponse("The applied plan.", plan.DeepClone().AsObject()),
            ["409"] = refused.DeepClone(),
            ["502"] = feedFailed.DeepClone(),
        }, 400, 503);

        paths["/api/plugin-packages"] = new JsonObject
        {
            ["get"] = Operation("listPluginPackages", PluginsTag, "Lists the plugin packages installed from feeds, as plugins.lock.json pins them.",
                new JsonObject
                {
                    ["200"] = JsonResponse("The installed packages, ordered by id.", Items(ObjectSchema(
                        new JsonObject
                        {
                            ["id"] = Type("string"),
                            ["version"] = Type("string"),
                            ["source"] = Type("string"),
                            ["sha512"] = Type("string"),
                            ["requested"] = Type("boolean"),
                            ["dependencies"] = new JsonObject { ["type"] = "array", ["items"] = Type("string") },
                        },
                        "id", "version", "source", "sha512", "requested", "dependencies"))),
                }),
        };
        paths["/api/plugin-packages/search"] = new JsonObject
        {
            ["get"] = Operation("searchPluginPackages", PluginsTag,
                "Searches the configured feeds for plugin packages (package type CrmKitPlugin). Needs plugins.manage.",
                WithProblems(new JsonObject
                {
                    ["200"] = JsonResponse("One entry per package id.", Items(ObjectSchema(
                        new JsonObject
                        {
                            ["id"] = Type("string"),
                            ["version"] = Type("string"),
                            ["versions"] = new JsonObject { ["type"] = "array", ["items"] = Type("string") },
                            ["title"] = Type("string"),
                            ["description"] = Type("string"),
                            ["authors"] = Type("string"),
                            ["source"] = Type("string"),
                            ["installedVersion"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                        },
                        "id", "version", "versions", "title", "description", "authors", "source", "installedVersion"))),
                    ["502"] = feedFailed.DeepClone(),
                }, 400, 503),
                new JsonArray(
                    QueryParameter("q", "Words to look for; empty lists every plugin package.", Type("string")),
                    QueryParameter("prerelease", "Include prerelease versions (true/false).", Type("boolean")))),
        };
        paths["/api/plugin-packages/plan"] = new JsonObject
        {
            ["post"] = Operation("planPluginPackages", PluginsTag,
                "Plans installs, updates and removals for the whole plugin graph; changes nothing. Problems are in the plan " +
                "(canApply false); only a malformed request is refused. Needs plugins.manage.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The plan.", plan.DeepClone().AsObject()) }, 400),
                requestBody: JsonBody("What to install, update and remove.", SchemaRef("PluginPackageRequest"))),
        };
        paths["/api/plugin-packages/apply"] = new JsonObject
        {
            ["post"] = Operation("applyPluginPackages", PluginsTag,
                "Plans and applies: downloads and verifies the packages, swaps them into the plugins folder, hot-loads them, " +
                "and writes plugins.lock.json. Any failure puts the previous plugins back. Needs plugins.manage.",
                Changing(),
                requestBody: JsonBody("What to install, update and remove.", SchemaRef("PluginPackageRequest"))),
        };
        paths["/api/plugin-packages/restore"] = new JsonObject
        {
            ["post"] = Operation("restorePluginPackages", PluginsTag,
                "Restores exactly the set pinned in plugins.lock.json (same versions and SHA-512), or refuses with " +
                "plugin_package.lock_mismatch. Needs plugins.manage.",
                Changing(),
                new JsonArray(QueryParameter("dryRun", "Only plan the restore (true/false).", Type("boolean")))),
        };
    }
}
