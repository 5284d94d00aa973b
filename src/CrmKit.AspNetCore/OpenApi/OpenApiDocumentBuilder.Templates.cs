using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The template paths: CRUD of stored Scriban templates and the preview against a record.</summary>
internal static partial class OpenApiDocumentBuilder
{
    private const string TemplatesTag = "templates";

    private static void AddTemplatePaths(JsonObject paths)
    {
        paths["/api/templates"] = new JsonObject
        {
            ["get"] = Operation("listTemplates", TemplatesTag, "Lists every template in every locale (without sources).",
                WithProblems(new JsonObject
                {
                    ["200"] = JsonResponse("The templates.", ObjectSchema(
                        new JsonObject { ["items"] = new JsonObject { ["type"] = "array", ["items"] = TemplateSchema(withSource: false) } }, "items")),
                })),
        };
        paths["/api/templates/{name}"] = new JsonObject
        {
            ["parameters"] = new JsonArray { TemplateNameParameter() },
            ["get"] = Operation("getTemplate", TemplatesTag,
                "Reads a template in the best locale: the exact one, then the language, then any.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The template.", TemplateSchema(withSource: true)) }, 404),
                parameters: [TemplateLocaleParameter()]),
            ["put"] = Operation("saveTemplate", TemplatesTag,
                "Creates or changes a template in one locale. The source must parse (400 template.syntax with line and column). " +
                "Send the version you read (0 to create only) to refuse a stale save (409).",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The saved template.", TemplateSchema(withSource: true)) }, 400, 409, 413, 415),
                requestBody: JsonBody("The template.", ObjectSchema(
                    new JsonObject
                    {
                        ["locale"] = Described("string", "The locale (ru-RU, en, ...); default ru-RU or ?locale=."),
                        ["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("email", "message", "document") },
                        ["source"] = Described("string", "The Scriban source."),
                        ["description"] = Type("string"),
                        ["version"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["description"] = "The version read (0: create only)." },
                    },
                    "kind", "source"))),
            ["delete"] = Operation("deleteTemplate", TemplatesTag, "Deletes a template in one locale (?locale=) or in all.",
                WithProblems(new JsonObject { ["204"] = new JsonObject { ["description"] = "Deleted." } }, 404),
                parameters: [TemplateLocaleParameter()]),
        };
        paths["/api/templates/{name}/preview"] = new JsonObject
        {
            ["parameters"] = new JsonArray { TemplateNameParameter() },
            ["post"] = Operation("previewTemplate", TemplatesTag,
                "Renders a template against a stored record and the records its lookup fields point to. Sandbox failures are " +
                "400 template.limit_exceeded (with limit), template.timeout or template.render_failed.",
                WithProblems(new JsonObject
                {
                    ["200"] = JsonResponse("The rendered text.", ObjectSchema(new JsonObject { ["text"] = Type("string") }, "text")),
                }, 400, 404, 415),
                requestBody: JsonBody("The record to render with.", ObjectSchema(
                    new JsonObject
                    {
                        ["entity"] = Type("string"),
                        ["recordId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                        ["locale"] = Type("string"),
                    },
                    "entity", "recordId"))),
        };
    }

    private static JsonObject TemplateNameParameter() =>
        PathParameter("name", "The template name (lower snake case, dotted segments).", Type("string"));

    private static JsonObject TemplateLocaleParameter() => QueryParameter("locale", "The wanted locale.", Type("string"));

    private static JsonObject Described(string type, string description) => new() { ["type"] = type, ["description"] = description };

    private static JsonObject TemplateSchema(bool withSource)
    {
        var properties = new JsonObject
        {
            ["name"] = Type("string"),
            ["locale"] = Type("string"),
            ["kind"] = Type("string"),
            ["description"] = Type("string"),
            ["version"] = Type("integer"),
            ["updatedAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["updatedBy"] = Type("string"),
        };
        if (withSource)
        {
            properties["source"] = Type("string");
            return ObjectSchema(properties, "name", "locale", "kind", "source", "version", "updatedAt", "updatedBy");
        }

        return ObjectSchema(properties, "name", "locale", "kind", "version", "updatedAt", "updatedBy");
    }
}
