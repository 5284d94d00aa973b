using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The edition paths (docs/editions.md), when the host has editions.</summary>
internal static partial class OpenApiDocumentBuilder
{
    private const string EditionsTag = "editions";

    private static void AddEditionPaths(JsonObject paths, JsonObject schemas)
    {
        schemas["EditionRequest"] = ObjectSchema(
            new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["description"] = "The edition's package id." },
                ["version"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "The exact version; default the highest on the feeds." },
                ["prerelease"] = new JsonObject { ["type"] = "boolean", ["description"] = "Whether a prerelease may be chosen when no version is given." },
                ["operation"] = new JsonObject { ["enum"] = new JsonArray("install", "upgrade"), ["description"] = "Plan only: what to plan (default install)." },
            },
            "id");
        var item = ObjectSchema(new JsonObject { ["name"] = Type("string"), ["action"] = Type("string") }, "name", "action");
        schemas["EditionPlan"] = ObjectSchema(
            new JsonObject
            {
                ["id"] = Type("string"),
                ["title"] = Type("string"),
                ["fromVersion"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                ["toVersion"] = Type("string"),
                ["source"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                ["upToDate"] = Type("boolean"),
                ["plugins"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
                ["entities"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = ObjectSchema(
                        new JsonObject
                        {
                            ["entity"] = Type("string"),
                            ["action"] = new JsonObject { ["enum"] = new JsonArray("create", "update", "keep") },
                            ["fields"] = new JsonObject
                            {
                                ["type"] = "array",
                                ["items"] = ObjectSchema(
                                    new JsonObject
                                    {
                                        ["field"] = Type("string"),
                                        ["action"] = new JsonObject { ["enum"] = new JsonArray("add", "change", "rename", "archive") },
                                        ["from"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                                    },
                                    "field", "action"),
                            },
                        },
                        "entity", "action", "fields"),
                },
                ["workflows"] = new JsonObject { ["type"] = "array", ["items"] = item.DeepClone() },
                ["templates"] = new JsonObject { ["type"] = "array", ["items"] = item.DeepClone() },
                ["seed"] = new JsonObject { ["type"] = "array", ["items"] = item.DeepClone() },
                ["settings"] = new JsonObject { ["type"] = "array", ["items"] = item.DeepClone() },
                ["problems"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = ObjectSchema(
                        new JsonObject
                        {
                            ["code"] = Type("string"),
                            ["message"] = Type("string"),
                            ["file"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                            ["path"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                        },
                        "code", "message"),
                },
                ["canApply"] = Type("boolean"),
            },
            "id", "toVersion", "upToDate", "plugins", "entities", "workflows", "templates", "seed", "settings", "problems", "canApply");
        paths["/api/editions"] = new JsonObject
        {
            ["get"] = Operation("listEditions", EditionsTag, "Lists the installed editions.",
                new JsonObject { ["200"] = JsonResponse("The installed editions, ordered by id.", Items(new JsonObject { ["type"] = "object" })) }),
        };
        foreach (var (action, summary) in new[]
        {
            ("plan", "Plans installing or upgrading an edition fetched from the server's feeds; changes nothing."),
            ("install", "Installs an edition all or nothing; installing the installed version again changes nothing."),
            ("upgrade", "Upgrades an installed edition all or nothing; records are kept and declared renames move values."),
        })
        {
            paths["/api/editions/" + action] = new JsonObject
            {
                ["post"] = Operation(action + "Edition", EditionsTag, summary,
                    WithProblems(new JsonObject { ["200"] = JsonResponse("The plan (applied, for install and upgrade).", SchemaRef("EditionPlan")) }, 400, 404, 409, 422),
                    requestBody: JsonBody("The edition.", SchemaRef("EditionRequest"))),
            };
        }
    }
}
