using System.Reflection;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Metadata;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>
/// Builds the OpenAPI 3.1.0 document of the API. Schema Objects in 3.1 are JSON Schema 2020-12, so each entity's own
/// document (what <c>/schema</c> returns) is embedded unchanged under <c>components.schemas.{entity}</c> and referenced
/// from that entity's record paths.
/// </summary>
internal static partial class OpenApiDocumentBuilder
{
    private const string ProblemMediaType = "application/problem+json";
    private const string JsonMediaType = "application/json";

    public static JsonObject Build(IReadOnlyList<EntityDefinition> entities, bool withPlugins = false, bool withPluginPackages = false, bool withEditions = false)
    {
        var schemas = BuildSchemas(entities);
        var paths = new JsonObject();
        AddHealthPath(paths);
        AddMetadataPaths(paths);
        AddFieldTypePaths(paths, schemas);
        AddPluginSettingsPaths(paths);
        AddOutboxPaths(paths, schemas);
        AddTemplatePaths(paths);
        AddWorkflowPaths(paths);
        AddWorkflowRunPaths(paths);
        AddSecurityPaths(paths);
        AddRegistryPaths(paths, schemas);
        AddIntegrationPaths(paths);
        AddSecuritySchemas(schemas);
        AddFileMigrationPaths(paths);
        AddFileSchemas(schemas);
        if (withPlugins)
        {
            AddPluginPaths(paths, schemas);
        }

        if (withPluginPackages)
        {
            AddPluginPackagePaths(paths, schemas);
        }

        if (withEditions)
        {
            AddEditionPaths(paths, schemas);
        }

        foreach (var entity in entities)
        {
            AddRecordPaths(paths, entity);
            AddRecordSecurityPaths(paths, entity.Name);
            AddAttachmentPaths(paths, entity.Name);
        }

        AddSecurityProblems(paths);
        var responses = BuildResponses();
        AddSecurityResponses(responses);

        var tags = new JsonArray
        {
            new JsonObject { ["name"] = "health", ["description"] = "Liveness of the server and its store." },
            new JsonObject { ["name"] = "metadata", ["description"] = "Entities and fields (JSON Schema documents)." },
            new JsonObject { ["name"] = PluginsTag, ["description"] = "Plugins and modules: their settings." },
            new JsonObject { ["name"] = OutboxTag, ["description"] = "The transactional outbox: jobs, dead letters, requeue." },
            new JsonObject { ["name"] = TemplatesTag, ["description"] = "Stored Scriban templates and their preview." },
            new JsonObject { ["name"] = WorkflowsTag, ["description"] = "Workflow definitions: versioned, validated documents." },
            new JsonObject { ["name"] = SecurityTag, ["description"] = "The caller, accounts, teams, roles and API keys." },
            new JsonObject { ["name"] = IntegrationsTag, ["description"] = "Integrations through plugins: state registries (EGRUL/EGRIP), accounting export, modules' HTTP endpoints." },
            new JsonObject { ["name"] = FilesTag, ["description"] = "File stores: migrations of attachment content between them." },
        };
        foreach (var entity in entities)
        {
            tags.Add(new JsonObject
            {
                ["name"] = entity.Name,
                ["description"] = "Records of " + entity.Labels.Get(System.Globalization.CultureInfo.InvariantCulture) + ".",
            });
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["jsonSchemaDialect"] = CrmSchemaKeywords.Dialect,
            ["info"] = new JsonObject
            {
                ["title"] = "CrmKit API",
                ["version"] = ApiVersion(),
                ["description"] =
                    "The REST API of a CrmKit server: entity metadata as JSON Schema, records with filter, sort, select " +
                    "and keyset paging, optimistic concurrency. Errors are RFC 7807 problem details with a stable code. " +
                    "Send Accept-Language: en or ru for labels and messages.",
                ["license"] = new JsonObject { ["name"] = "MIT", ["identifier"] = "MIT" },
            },
            ["tags"] = tags,
            ["security"] = GlobalSecurity(),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["parameters"] = BuildParameters(),
                ["responses"] = responses,
                ["securitySchemes"] = BuildSecuritySchemes(),
            },
        };
    }

    private static string ApiVersion()
    {
        var version = typeof(OpenApiDocumentBuilder).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static void AddHealthPath(JsonObject paths) =>
        paths["/health"] = new JsonObject
        {
            ["get"] = Operation(
                "getHealth", "health", "Tells whether the server and its store answer.",
                responses: new JsonObject
                {
                    ["200"] = JsonResponse("The server is healthy.", SchemaRef("Health")),
                    ["503"] = ResponseRef("Unavailable"),
                }),
        };

    private static JsonObject Operation(
        string operationId, string tag, string summary, JsonObject responses,
        JsonArray? parameters = null, JsonObject? requestBody = null)
    {
        var operation = new JsonObject
        {
            ["operationId"] = operationId,
            ["tags"] = new JsonArray(tag),
            ["summary"] = summary,
        };
        if (parameters is not null)
        {
            operation["parameters"] = parameters;
        }

        if (requestBody is not null)
        {
            operation["requestBody"] = requestBody;
        }

        responses["500"] = ResponseRef("ServerError");
        operation["responses"] = responses;
        return operation;
    }

    private static JsonObject SchemaRef(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    private static JsonObject ParameterRef(string name) => new() { ["$ref"] = "#/components/parameters/" + name };

    private static JsonObject ResponseRef(string name) => new() { ["$ref"] = "#/components/responses/" + name };

    private static JsonObject JsonResponse(string description, JsonObject schema, JsonObject? headers = null)
    {
        var response = new JsonObject
        {
            ["description"] = description,
            ["content"] = new JsonObject { [JsonMediaType] = new JsonObject { ["schema"] = schema } },
        };
        if (headers is not null)
        {
            response["headers"] = headers;
        }

        return response;
    }

    private static JsonObject JsonBody(string description, JsonObject schema) => new()
    {
        ["description"] = description,
        ["required"] = true,
        ["content"] = new JsonObject { [JsonMediaType] = new JsonObject { ["schema"] = schema } },
    };

    private static JsonArray Parameters(params string[] names)
    {
        var parameters = new JsonArray();
        foreach (var name in names)
        {
            parameters.Add(ParameterRef(name));
        }

        return parameters;
    }

    /// <summary>Adds the standard problem responses for the given statuses (400 → <c>BadRequest</c>...).</summary>
    private static JsonObject WithProblems(JsonObject responses, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ResponseRef(status switch
            {
                400 => "BadRequest",
                404 => "NotFound",
                409 => "Conflict",
                413 => "TooLarge",
                415 => "UnsupportedMediaType",
                422 => "ValidationFailed",
                503 => "Unavailable",
                _ => throw new ArgumentOutOfRangeException(nameof(statuses), status, "No shared response for this status."),
            });
        }

        return responses;
    }
}
