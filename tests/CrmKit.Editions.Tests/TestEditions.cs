using System.Text.Json.Nodes;

namespace CrmKit.Editions.Tests;

/// <summary>
/// A small edition without plugins ("test.projects"): an entity with a pipeline, a field on the standard deal, a
/// workflow, a template, seed records and localization; <see cref="V2"/> adds a field, renames one (declared migration),
/// stops declaring one (archived) and changes the workflow.
/// </summary>
internal static class TestEditions
{
    public static EditionFolder V1(Action<JsonObject>? changeManifest = null)
    {
        var folder = new EditionFolder();
        var manifest = Manifest("1.0.0");
        changeManifest?.Invoke(manifest);
        return folder
            .Write("edition.json", manifest)
            .Write("entities/project.schema.json", Project(v2: false))
            .Write("entities/deal.schema.json", Deal(v2: false))
            .Write("workflows/project-created.json", Workflow("Follow up {{ record.title }}"))
            .Write("templates/project-card.ru.scriban", "Проект {{ record.title }}")
            .Write("seed/projects.json", Seed())
            .Write("localization/ru.json", """{"language": "ru", "entities": {"project": {"label": "Проект", "fields": {"title": "Название"}}}}""");
    }

    public static EditionFolder V2(Action<JsonObject>? changeManifest = null)
    {
        var folder = V1();
        var manifest = Manifest("2.0.0");
        manifest["migrations"] = JsonNode.Parse("""[{"version": "2.0.0", "renames": [{"entity": "project", "from": "budget_code", "to": "cost_center"}]}]""");
        changeManifest?.Invoke(manifest);
        return folder
            .Write("edition.json", manifest)
            .Write("entities/project.schema.json", Project(v2: true))
            .Write("entities/deal.schema.json", Deal(v2: true))
            .Write("workflows/project-created.json", Workflow("Call about {{ record.title }}"))
            .Write("seed/projects.json", Seed().ToJsonString().Replace("budget_code", "cost_center", StringComparison.Ordinal));
    }

    public static JsonObject Manifest(string version) => JsonNode.Parse($$"""
        {
          "id": "test.projects",
          "version": "{{version}}",
          "title": "Projects",
          "description": "A test edition.",
          "crmkit": "[0.1.0, 1.0.0)",
          "entities": ["entities/project.schema.json", "entities/deal.schema.json"],
          "workflows": ["workflows/project-created.json"],
          "templates": [{"name": "project_card", "locale": "ru", "kind": "document", "file": "templates/project-card.ru.scriban"}],
          "seed": ["seed/projects.json"],
          "localization": ["localization/ru.json"]
        }
        """)!.AsObject();

    public static JsonObject Project(bool v2)
    {
        var project = JsonNode.Parse("""
            {
              "x-crm-entity": "project",
              "x-crm-labels": {"en": "Project"},
              "properties": {
                "title": {"x-crm-type": "string", "maxLength": 200},
                "status": {"x-crm-type": "enum", "enum": ["draft", "active", "done"], "x-crm-indexed": true},
                "budget_code": {"x-crm-type": "string", "maxLength": 20},
                "parent": {"x-crm-type": "lookup", "x-crm-lookup": {"entity": "project", "onDelete": "setNull"}}
              },
              "required": ["title"]
            }
            """)!.AsObject();
        if (v2)
        {
            var properties = (JsonObject)project["properties"]!;
            var budget = properties["budget_code"]!.DeepClone();
            properties.Remove("budget_code");
            properties["cost_center"] = budget;
            properties["priority"] = JsonNode.Parse("""{"x-crm-type": "integer", "minimum": 1, "maximum": 5}""");
        }

        return project;
    }

    public static JsonObject Deal(bool v2) => JsonNode.Parse(v2
        ? """{"x-crm-entity": "deal", "properties": {"project": {"x-crm-type": "lookup", "x-crm-lookup": {"entity": "project", "onDelete": "setNull"}}}}"""
        : """{"x-crm-entity": "deal", "properties": {"project": {"x-crm-type": "lookup", "x-crm-lookup": {"entity": "project", "onDelete": "setNull"}}, "po_number": {"x-crm-type": "string"}}}""")!.AsObject();

    public static JsonObject Workflow(string subject) => new()
    {
        ["name"] = "project-created",
        ["enabled"] = true,
        ["trigger"] = new JsonObject { ["type"] = "record.created", ["entity"] = "project" },
        ["steps"] = new JsonArray(new JsonObject
        {
            ["id"] = "task",
            ["action"] = "create_record",
            ["parameters"] = new JsonObject
            {
                ["entity"] = "activity",
                ["values"] = new JsonObject { ["type"] = "task", ["subject"] = subject },
            },
        }),
    };

    public static JsonObject Seed() => JsonNode.Parse("""
        {
          "entity": "project",
          "records": [
            {"key": "internal", "values": {"title": "Internal", "status": "active", "budget_code": "INT-1"}},
            {"key": "onboarding", "values": {"title": "Onboarding", "status": "draft", "budget_code": "ONB-1", "parent": {"$seed": "internal"}}}
          ]
        }
        """)!.AsObject();
}
