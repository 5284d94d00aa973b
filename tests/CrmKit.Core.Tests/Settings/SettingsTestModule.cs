using System.Text.Json.Nodes;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Settings;

namespace CrmKit.Core.Tests.Settings;

/// <summary>A module added in code that declares settings: a required URL, a rate with a default, a secret token.</summary>
internal sealed class SettingsTestModule : ICrmModule
{
    public const string ModuleId = "acme.loyalty";

    public const string SchemaJson =
        """
        {
          "type": "object",
          "title": "Loyalty",
          "description": "Points for contacts.",
          "required": ["endpoint"],
          "additionalProperties": false,
          "properties": {
            "endpoint": {"type": "string", "format": "uri", "title": "Endpoint", "description": "The points service."},
            "rate": {"type": "number", "minimum": 0, "maximum": 10, "default": 1.5},
            "retries": {"type": "integer", "minimum": 0, "default": 3},
            "options": {"type": "object", "properties": {"verbose": {"type": "boolean", "default": false}}},
            "token": {"type": "string", "minLength": 8, "writeOnly": true},
            "webhookSecret": {"type": "string", "writeOnly": true}
          }
        }
        """;

    public string Id => ModuleId;

    public static JsonObject Schema() => JsonNode.Parse(SchemaJson)!.AsObject();

    public void Configure(ICrmBuilder builder) => builder.AddSettings(Schema());
}
