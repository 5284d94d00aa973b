using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests;

public sealed class OpenApiEndpointsTests : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api;
    private readonly CrmKitServerFactory _factory;

    public OpenApiEndpointsTests(CrmKitServerFactory factory)
    {
        _factory = factory;
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task Document_ShouldDescribeAuthentication_AndLeaveOnlyHealthAnonymous()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");

        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        schemes.Select(s => s.Key).ShouldBe(["apiKey", "apiKeyHeader", "jwt"], ignoreOrder: true);
        schemes["apiKeyHeader"]!["name"]!.GetValue<string>().ShouldBe("X-Api-Key");
        schemes["jwt"]!["bearerFormat"]!.GetValue<string>().ShouldBe("JWT");
        document["security"]!.AsArray().Select(r => r!.AsObject().Single().Key).ShouldBe(["apiKey", "apiKeyHeader", "jwt"]);
        document["paths"]!["/health"]!["get"]!["security"]!.AsArray().ShouldBeEmpty();
        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => p.Key != "/health"))
        {
            foreach (var (method, operation) in item!.AsObject().Where(m => m.Key != "parameters"))
            {
                operation!["security"].ShouldBeNull($"{method} {path} inherits the document's security");
                var responses = operation["responses"]!.AsObject();
                responses["401"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/responses/Unauthorized", $"{method} {path}");
                responses["429"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/responses/RateLimited", $"{method} {path}");
            }
        }

        document["components"]!["responses"]!["RateLimited"]!["headers"]!["Retry-After"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Document_ShouldDescribeEveryMappedEndpoint()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();
        var routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal) || r.Pattern == "/health")
            .ToList();
        routes.Count.ShouldBeGreaterThan(50);

        var missing = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{([a-zA-Z]+)(:[^}]*)?}", "{$1}").TrimEnd('/');
            path = path.Replace("/api/records/{entity}", "/api/records/contact", StringComparison.Ordinal);
            if (paths[path]?[method.ToLowerInvariant()] is null)
            {
                missing.Add($"{method} {path}");
            }
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task Document_ShouldBeOpenApi31WithEveryEntitySchema()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");

        document["openapi"]!.GetValue<string>().ShouldBe("3.1.0");
        document["info"]!["title"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        document["info"]!["version"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var paths = document["paths"]!.AsObject();
        schemas.ContainsKey("Problem").ShouldBeTrue();
        paths.ContainsKey("/health").ShouldBeTrue();
        paths.ContainsKey("/api/metadata/entities/{entity}/schema").ShouldBeTrue();
        var entities = await _api.GetJsonAsync("/api/metadata/entities");
        foreach (var name in entities["items"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()))
        {
            var schema = await _api.GetJsonAsync($"/api/metadata/entities/{name}/schema");
            JsonNode.DeepEquals(schemas[name], schema).ShouldBeTrue($"components.schemas.{name} must be the entity's document");
            paths.ContainsKey("/api/records/" + name).ShouldBeTrue();
            paths.ContainsKey("/api/records/" + name + "/{id}").ShouldBeTrue();
            paths["/api/records/" + name]!["post"]!["requestBody"]!.ToJsonString().ShouldContain("#/components/schemas/" + name);
        }
    }

    [Fact]
    public async Task Document_ShouldResolveEveryReference()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");

        foreach (var reference in References(document))
        {
            Resolve(document, reference).ShouldNotBeNull($"{reference} must resolve");
        }
    }

    [Fact]
    public async Task Document_ShouldShowAFieldAddedAtRunTimeInTheNextRequest()
    {
        var entity = await _api.CreateWidgetAsync();
        var before = await _api.GetJsonAsync("/openapi/v1.json");
        before["components"]!["schemas"]![entity]!["properties"]!.AsObject().ContainsKey("loyalty").ShouldBeFalse();

        using (var added = await _api.PostJsonAsync(
            $"/api/metadata/entities/{entity}/fields", """{"name": "loyalty", "schema": {"x-crm-type": "integer"}}"""))
        {
            await added.ShouldBeJsonAsync(HttpStatusCode.Created);
        }

        var after = await _api.GetJsonAsync("/openapi/v1.json");
        after["components"]!["schemas"]![entity]!["properties"]!["loyalty"].ShouldNotBeNull();
        after["components"]!["schemas"]![entity + ".patch"]!["properties"]!["loyalty"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Document_ShouldDescribeTheQueryParametersAndProblems()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");

        var query = document["paths"]!["/api/records/contact"]!["get"]!;
        var parameters = query["parameters"]!.AsArray().Select(p => p!["$ref"]!.GetValue<string>().Split('/')[^1]);
        parameters.ShouldBe(["Filter", "Sort", "Select", "Limit", "After", "Count", "Deleted"]);
        query["responses"]!["400"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/responses/BadRequest");
        document["components"]!["responses"]!["BadRequest"]!["content"]!["application/problem+json"].ShouldNotBeNull();
    }

    private static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue)
                    {
                        yield return value.GetValue<string>();
                    }
                    else
                    {
                        foreach (var reference in References(value))
                        {
                            yield return reference;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var reference in References(item))
                    {
                        yield return reference;
                    }
                }

                break;
        }
    }

    private static JsonNode? Resolve(JsonNode document, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var node = document;
        foreach (var token in reference[2..].Split('/'))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
