using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>
/// Authentication (security schemes, the 401/403/429 answers every protected operation may give) and the security
/// paths: <c>/api/me</c>, accounts, teams, roles, API keys, and each entity's record history and CSV export.
/// </summary>
internal static partial class OpenApiDocumentBuilder
{
    private const string SecurityTag = "security";

    private static JsonObject BuildSecuritySchemes() => new()
    {
        ["apiKey"] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "bearer",
            ["bearerFormat"] = "crmk_<id>_<secret>",
            ["description"] = "A CrmKit API key as a bearer token (also accepted as 'Authorization: ApiKey <key>').",
        },
        ["apiKeyHeader"] = new JsonObject
        {
            ["type"] = "apiKey",
            ["in"] = "header",
            ["name"] = "X-Api-Key",
            ["description"] = "A CrmKit API key in its own header.",
        },
        ["jwt"] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "bearer",
            ["bearerFormat"] = "JWT",
            ["description"] =
                "A JWT from the configured issuer for the configured audience (CrmKit:Security:Jwt); its subject names a CrmKit account.",
        },
    };

    /// <summary>Any one of the schemes authenticates a request.</summary>
    private static JsonArray GlobalSecurity() =>
        [new JsonObject { ["apiKey"] = new JsonArray() }, new JsonObject { ["apiKeyHeader"] = new JsonArray() }, new JsonObject { ["jwt"] = new JsonArray() }];

    private static void AddSecurityResponses(JsonObject responses)
    {
        responses["Unauthorized"] = ProblemResponse(
            "No credentials, or they are not valid (auth.required, auth.invalid_credentials, auth.key_expired, auth.key_revoked, auth.invalid_token, auth.account_inactive).");
        responses["Forbidden"] = ProblemResponse(
            "The caller may not do this: a missing privilege, an operation outside its scope, a hidden field, or a key without the scope.");
        responses["RateLimited"] = new JsonObject
        {
            ["description"] = "Over the rate limit (rate_limited); Retry-After gives the seconds to wait.",
            ["headers"] = new JsonObject
            {
                ["Retry-After"] = new JsonObject { ["description"] = "Seconds until the limit resets.", ["schema"] = Type("integer") },
            },
            ["content"] = new JsonObject { [ProblemMediaType] = new JsonObject { ["schema"] = SchemaRef("Problem") } },
        };
    }

    /// <summary>Gives every operation but the anonymous ones the answers of authentication and authorization.</summary>
    private static void AddSecurityProblems(JsonObject paths)
    {
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method == "parameters" || operation is not JsonObject op)
                {
                    continue;
                }

                if (path == "/health")
                {
                    op["security"] = new JsonArray();
                    continue;
                }

                var responses = op["responses"]!.AsObject();
                responses["401"] = ResponseRef("Unauthorized");
                responses["403"] = ResponseRef("Forbidden");
                responses["429"] = ResponseRef("RateLimited");
            }
        }
    }

    private static void AddSecurityPaths(JsonObject paths)
    {
        var id = new JsonArray(PathParameter("id", "The id.", Type("string")));
        var name = new JsonArray(PathParameter("name", "The role name.", Type("string")));
        paths["/api/me"] = new JsonObject
        {
            ["get"] = Operation("getMe", SecurityTag, "The caller: account, roles, teams, privileges and effective access per entity.",
                new JsonObject { ["200"] = JsonResponse("The caller's effective access.", SchemaRef("Me")) }),
        };
        paths["/api/users"] = new JsonObject
        {
            ["get"] = Operation("listUsers", SecurityTag, "Lists the accounts, by id.",
                new JsonObject { ["200"] = JsonResponse("The accounts.", Items(SchemaRef("Account"))) }),
            ["post"] = Operation("createUser", SecurityTag, "Creates an account (security.manage).",
                WithProblems(new JsonObject { ["201"] = JsonResponse("The account.", SchemaRef("Account")) }, 400, 409, 422),
                requestBody: JsonBody("The account; id and displayName are required.", SchemaRef("Account"))),
        };
        paths["/api/users/{id}"] = new JsonObject
        {
            ["parameters"] = id.DeepClone(),
            ["get"] = Operation("getUser", SecurityTag, "Reads an account.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The account.", SchemaRef("Account")) }, 404)),
            ["patch"] = Operation("updateUser", SecurityTag, "Changes the members it names (security.manage); If-Match optional.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The account.", SchemaRef("Account")) }, 400, 404, 409, 422),
                requestBody: JsonBody("The members to change.", SchemaRef("Account"))),
        };
        paths["/api/teams"] = new JsonObject
        {
            ["get"] = Operation("listTeams", SecurityTag, "Lists the teams.",
                new JsonObject { ["200"] = JsonResponse("The teams.", Items(SchemaRef("Team"))) }),
            ["post"] = Operation("createTeam", SecurityTag, "Creates a team (security.manage).",
                WithProblems(new JsonObject { ["201"] = JsonResponse("The team.", SchemaRef("Team")) }, 400, 409, 422),
                requestBody: JsonBody("The team; id and displayName are required.", SchemaRef("Team"))),
        };
        paths["/api/teams/{id}"] = new JsonObject
        {
            ["parameters"] = id.DeepClone(),
            ["get"] = Operation("getTeam", SecurityTag, "Reads a team.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The team.", SchemaRef("Team")) }, 404)),
            ["patch"] = Operation("updateTeam", SecurityTag, "Changes the members it names (security.manage); If-Match optional.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The team.", SchemaRef("Team")) }, 400, 404, 409, 422),
                requestBody: JsonBody("The members to change.", SchemaRef("Team"))),
            ["delete"] = Operation("deleteTeam", SecurityTag, "Deletes a team (security.manage).",
                WithProblems(new JsonObject { ["204"] = new JsonObject { ["description"] = "Deleted." } }, 404, 409)),
        };
        paths["/api/roles"] = new JsonObject
        {
            ["get"] = Operation("listRoles", SecurityTag, "Lists the roles, the built-in ones included.",
                new JsonObject { ["200"] = JsonResponse("The roles.", Items(SchemaRef("Role"))) }),
        };
        paths["/api/roles/{name}"] = new JsonObject
        {
            ["parameters"] = name,
            ["get"] = Operation("getRole", SecurityTag, "Reads a role.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The role.", SchemaRef("Role")) }, 404)),
            ["put"] = Operation("saveRole", SecurityTag, "Creates or replaces a role (security.manage); If-Match optional.",
                WithProblems(
                    new JsonObject
                    {
                        ["200"] = JsonResponse("The changed role.", SchemaRef("Role")),
                        ["201"] = JsonResponse("The new role.", SchemaRef("Role")),
                    },
                    400, 409, 422),
                requestBody: JsonBody("The role document.", SchemaRef("Role"))),
            ["delete"] = Operation("deleteRole", SecurityTag, "Deletes a role no account holds (security.manage).",
                WithProblems(new JsonObject { ["204"] = new JsonObject { ["description"] = "Deleted." } }, 404, 409)),
        };
        paths["/api/api-keys"] = new JsonObject
        {
            ["get"] = Operation("listApiKeys", SecurityTag, "Lists API keys: the caller's, another account's (userId), or all (userId=*), newest first.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The keys, without secrets.", Items(SchemaRef("ApiKey"))) }, 404),
                parameters: [QueryParameter("userId", "Another account's id, or * for every account (security.manage).", Type("string"))]),
            ["post"] = Operation("createApiKey", SecurityTag, "Creates an API key; the answer's key is shown only this once.",
                WithProblems(new JsonObject { ["201"] = JsonResponse("The key, with its secret in key.", SchemaRef("ApiKey")) }, 400, 404, 422),
                requestBody: JsonBody("name, and optionally userId, scopes and expiresAt.", ObjectSchema(new JsonObject
                {
                    ["name"] = Type("string"),
                    ["userId"] = Type("string"),
                    ["scopes"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["enum"] = new JsonArray("read", "write", "admin", "*") } },
                    ["expiresAt"] = DateTime(),
                }, "name"))),
        };
        paths["/api/api-keys/{id}"] = new JsonObject
        {
            ["parameters"] = id.DeepClone(),
            ["delete"] = Operation("revokeApiKey", SecurityTag, "Revokes a key (revoking again keeps the first time).",
                WithProblems(new JsonObject { ["200"] = JsonResponse("The revoked key.", SchemaRef("ApiKey")) }, 404)),
        };
    }

    private static void AddRecordSecurityPaths(JsonObject paths, string entity)
    {
        paths["/api/records/" + entity + "/{id}/history"] = new JsonObject
        {
            ["parameters"] = new JsonArray(PathParameter("id", "The record id.", new JsonObject { ["type"] = "string", ["format"] = "uuid" })),
            ["get"] = Operation("getRecordHistory_" + entity, entity,
                "The record's audit trail, newest first; changes of fields the caller may not read are masked.",
                WithProblems(new JsonObject { ["200"] = JsonResponse("One page of the trail.", SchemaRef("History")) }, 400, 404),
                parameters: [
                    QueryParameter("limit", "At most this many entries (1 to 200).", new JsonObject { ["type"] = "integer", ["default"] = 50 }),
                    QueryParameter("before", "The previous page's before: entries older than it.", Type("integer")),
                ]),
        };
        paths["/api/records/" + entity + "/export"] = new JsonObject
        {
            ["get"] = Operation("exportRecords_" + entity, entity,
                "Streams the records the caller may export as CSV (UTF-8 with BOM), with the fields it may read.",
                WithProblems(
                    new JsonObject
                    {
                        ["200"] = new JsonObject
                        {
                            ["description"] = "The CSV file.",
                            ["content"] = new JsonObject { ["text/csv"] = new JsonObject { ["schema"] = Type("string") } },
                        },
                    },
                    400, 404),
                parameters: [
                    ParameterRef("Filter"), ParameterRef("Sort"), ParameterRef("Select"),
                    QueryParameter("delimiter", "The cell delimiter.", new JsonObject { ["enum"] = new JsonArray(",", ";", "tab"), ["default"] = "," }),
                ]),
        };
    }

    private static void AddSecuritySchemas(JsonObject schemas)
    {
        var instant = DateTime();
        var nullableInstant = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" };
        var strings = new JsonObject { ["type"] = "array", ["items"] = Type("string") };
        var scope = new JsonObject { ["enum"] = new JsonArray("none", "own", "team", "all") };
        var fieldAccess = new JsonObject { ["enum"] = new JsonArray("hidden", "readonly", "writable") };
        var grant = ObjectSchema(new JsonObject
        {
            ["create"] = scope.DeepClone(),
            ["read"] = scope.DeepClone(),
            ["update"] = scope.DeepClone(),
            ["delete"] = scope.DeepClone(),
            ["export"] = scope.DeepClone(),
            ["fields"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = fieldAccess },
        });
        schemas["Account"] = ObjectSchema(new JsonObject
        {
            ["id"] = Type("string"),
            ["displayName"] = Type("string"),
            ["email"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["externalId"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["kind"] = new JsonObject { ["enum"] = new JsonArray("user", "service") },
            ["roles"] = strings.DeepClone(),
            ["active"] = Type("boolean"),
            ["teams"] = strings.DeepClone(),
            ["version"] = Type("integer"),
            ["updatedAt"] = instant.DeepClone(),
            ["updatedBy"] = Type("string"),
        });
        schemas["Team"] = ObjectSchema(new JsonObject
        {
            ["id"] = Type("string"),
            ["displayName"] = Type("string"),
            ["members"] = strings.DeepClone(),
            ["version"] = Type("integer"),
            ["updatedAt"] = instant.DeepClone(),
            ["updatedBy"] = Type("string"),
        });
        schemas["Role"] = ObjectSchema(new JsonObject
        {
            ["name"] = Type("string"),
            ["labels"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = Type("string") },
            ["description"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            ["privileges"] = strings.DeepClone(),
            ["entities"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = grant.DeepClone() },
            ["builtIn"] = Type("boolean"),
            ["version"] = Type("integer"),
            ["updatedAt"] = instant.DeepClone(),
            ["updatedBy"] = Type("string"),
        });
        schemas["ApiKey"] = ObjectSchema(new JsonObject
        {
            ["id"] = Type("string"),
            ["userId"] = Type("string"),
            ["name"] = Type("string"),
            ["scopes"] = strings.DeepClone(),
            ["createdAt"] = instant.DeepClone(),
            ["createdBy"] = Type("string"),
            ["expiresAt"] = nullableInstant.DeepClone(),
            ["revokedAt"] = nullableInstant.DeepClone(),
            ["lastUsedAt"] = nullableInstant.DeepClone(),
            ["key"] = new JsonObject { ["type"] = "string", ["description"] = "Only in the answer that created the key." },
        });
        schemas["Me"] = ObjectSchema(new JsonObject
        {
            ["id"] = Type("string"),
            ["displayName"] = Type("string"),
            ["kind"] = Type("string"),
            ["channel"] = Type("string"),
            ["roles"] = strings.DeepClone(),
            ["teams"] = strings.DeepClone(),
            ["privileges"] = strings.DeepClone(),
            ["unrestricted"] = Type("boolean"),
            ["entities"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = grant },
        });
        schemas["History"] = ObjectSchema(new JsonObject
        {
            ["items"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = ObjectSchema(new JsonObject
                {
                    ["sequence"] = Type("integer"),
                    ["operation"] = new JsonObject { ["enum"] = new JsonArray("create", "update", "delete", "restore") },
                    ["at"] = instant.DeepClone(),
                    ["user"] = ObjectSchema(new JsonObject { ["id"] = Type("string"), ["name"] = Type("string") }),
                    ["channel"] = Type("string"),
                    ["source"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                    ["version"] = Type("integer"),
                    ["changes"] = new JsonObject
                    {
                        ["type"] = "array",
                        ["items"] = ObjectSchema(new JsonObject
                        {
                            ["field"] = Type("string"),
                            ["old"] = new JsonObject(),
                            ["new"] = new JsonObject(),
                            ["masked"] = Type("boolean"),
                        }, "field"),
                    },
                }),
            },
            ["before"] = new JsonObject { ["type"] = new JsonArray("integer", "null") },
        }, "items", "before");
    }
}
