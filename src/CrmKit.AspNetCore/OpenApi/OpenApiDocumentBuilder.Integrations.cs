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

        var instance = new JsonArray(PathParameter("instance", "The channel instance id (CrmKit:Channels:{instance}).", Type("string")));
        var channelAnswer = new JsonObject
        {
            ["description"] = "The channel's own answer (VK: ok or the confirmation string; a form: {\"ok\":true}); 403 when the channel refuses the call.",
            ["content"] = new JsonObject { ["*/*"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } },
        };
        paths["/api/channels/{instance}/webhook"] = new JsonObject
        {
            ["parameters"] = instance.DeepClone(),
            ["get"] = Operation("channelWebhookGet", IntegrationsTag,
                "A channel instance's webhook (docs/integrations/channels.md); anonymous: the channel authenticates the call.",
                WithProblems(new JsonObject { ["200"] = channelAnswer.DeepClone() }, 404)),
            ["post"] = Operation("channelWebhookPost", IntegrationsTag,
                "Delivers an update (Telegram, VK Callback API, a website form). The channel verifies it (403 and nothing stored " +
                "otherwise); its messages are stored once each as contact, lead and timeline activity before the answer, and raise message.inbound.",
                WithProblems(new JsonObject { ["200"] = channelAnswer.DeepClone() }, 404, 413)),
            ["options"] = Operation("channelWebhookPreflight", IntegrationsTag,
                "The CORS preflight of a website form (204 with Access-Control-Allow-Origin for an allowed origin).",
                WithProblems(new JsonObject { ["204"] = new JsonObject { ["description"] = "Allowed." } }, 404)),
        };
        paths["/api/channels/{instance}/messages"] = new JsonObject
        {
            ["parameters"] = instance.DeepClone(),
            ["post"] = Operation("sendChannelMessage", IntegrationsTag,
                "Sends a message through a channel instance and records it as an outbound activity of the caller; 502 " +
                "channel.send_failed (nothing recorded) when the channel refuses it.",
                WithProblems(new JsonObject
                {
                    ["201"] = JsonResponse("Sent.", new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["messageId"] = Type("string"), ["activity"] = Type("string") },
                    }),
                    ["502"] = new JsonObject { ["description"] = "channel.send_failed: the channel did not accept the message." },
                }, 404, 422),
                requestBody: JsonBody("The message.", new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("to", "text"),
                    ["properties"] = new JsonObject
                    {
                        ["to"] = Type("string"), ["text"] = Type("string"), ["lead"] = Type("string"), ["contact"] = Type("string"),
                        ["replyTo"] = Type("string"), ["idempotencyKey"] = Type("string"),
                    },
                })),
        };
    }
}
