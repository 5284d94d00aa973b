using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The accounting export path and the modules' HTTP endpoints (docs/rest-api.md, Integrations).</summary>
internal static partial class OpenApiDocumentBuilder
{
    private const string IntegrationsTag = "integrations";

    private static void AddIntegrationPaths(JsonObject paths)
    {
        paths["/api/integrations/accounting/{format}/export"] = new JsonObject
        {
            ["parameters"] = new JsonArray(PathParameter("format", "The exporter's format id, for example commerceml-2.10.", Type("string"))),
            ["get"] = Operation("exportToAccounting", IntegrationsTag,
                "Streams records in an accounting format (a plugin's exporter), with the caller's export permission. " +
                "404 export.format_not_found when no loaded plugin writes the format.",
                WithProblems(new JsonObject
                {
                    ["200"] = new JsonObject
                    {
                        ["description"] = "The exported file, in the exporter's media type (application/xml for CommerceML).",
                        ["content"] = new JsonObject { ["application/octet-stream"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } } },
                    },
                }, 400, 404),
                parameters:
                [
                    QueryParameter("entity", "The entity to export; default: the exporter's first entity.", Type("string")),
                    QueryParameter("since", "Only records changed at or after this date or date-time.", Type("string")),
                    QueryParameter("id", "Only this record.", new JsonObject { ["type"] = "string", ["format"] = "uuid" }),
                    QueryParameter("filter", "A further filter (docs/filter-syntax.md).", Type("string")),
                ]),
        };
        var text = new JsonObject
        {
            ["description"] = "Whatever the endpoint answers (for 1C exchange: text/plain lines or CommerceML XML).",
            ["content"] = new JsonObject { ["*/*"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } },
        };
        var name = new JsonArray(PathParameter("name", "The endpoint's name, for example onec-exchange.", Type("string")));
        paths["/api/ext/{name}"] = new JsonObject
        {
            ["parameters"] = name,
            ["get"] = Operation("callExtensionEndpointGet", IntegrationsTag,
                "Calls a module's HTTP endpoint; its protocol is the module's (docs/plugins.md, HTTP endpoints). Endpoints " +
                "that allow anonymous calls authenticate callers themselves. 404 endpoint.not_found when none has the name.",
                WithProblems(new JsonObject { ["200"] = text.DeepClone() }, 404)),
            ["post"] = Operation("callExtensionEndpointPost", IntegrationsTag,
                "Calls a module's HTTP endpoint with a body, capped at the endpoint's limit (413 request.too_large).",
                WithProblems(new JsonObject { ["200"] = text.DeepClone() }, 404, 413)),
        };
    }
}
