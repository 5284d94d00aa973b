using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.Tests.Infrastructure;

/// <summary>A thin client over the REST API for tests: raw requests plus a few checked shortcuts.</summary>
public sealed class CrmApi
{
    public CrmApi(HttpClient client)
    {
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>A fresh entity name, so tests sharing one database never see each other's data.</summary>
    public static string NewEntityName(string prefix = "t") => prefix + "_" + Guid.NewGuid().ToString("N")[..10];

    public Task<HttpResponseMessage> GetAsync(string path, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendJsonAsync(
        HttpMethod method, string path, string json, string? ifMatch = null, string? language = null) =>
        SendBytesAsync(method, path, Encoding.UTF8.GetBytes(json), "application/json", ifMatch, language);

    public Task<HttpResponseMessage> SendBytesAsync(
        HttpMethod method, string path, byte[] body, string? contentType, string? ifMatch = null, string? language = null)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var request = new HttpRequestMessage(method, path) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) => SendJsonAsync(HttpMethod.Post, path, json);

    public Task<HttpResponseMessage> PatchJsonAsync(string path, string json, string? ifMatch = null) =>
        SendJsonAsync(HttpMethod.Patch, path, json, ifMatch);

    /// <summary>GETs a path and returns its JSON, failing the test unless the answer is 200.</summary>
    public async Task<JsonObject> GetJsonAsync(string path, string? language = null)
    {
        using var response = await GetAsync(path, language);
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Creates an entity with the given properties (a JSON object text) and returns its name.</summary>
    public async Task<string> CreateEntityAsync(string properties, string required = "[]", string prefix = "t")
    {
        var name = NewEntityName(prefix);
        var document =
            $$"""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-crm-entity": "{{name}}",
              "x-crm-labels": {"en": "Test {{name}}", "ru": "Тест {{name}}"},
              "properties": {{properties}},
              "required": {{required}}
            }
            """;
        using var response = await PostJsonAsync("/api/metadata/entities", document);
        await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        return name;
    }

    /// <summary>POSTs a JSON object and returns the answer, failing the test unless it is 201.</summary>
    public async Task<JsonObject> CreateAsync(string path, JsonObject body)
    {
        using var response = await PostJsonAsync(path, body.ToJsonString());
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>Creates one record and returns it, failing the test unless the answer is 201.</summary>
    public async Task<JsonObject> CreateRecordAsync(string entity, string json)
    {
        using var response = await PostJsonAsync("/api/records/" + entity, json);
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>How many live (or deleted) records the entity has, through <c>count=true</c>.</summary>
    public async Task<long> CountAsync(string entity, bool deleted = false)
    {
        var page = await GetJsonAsync($"/api/records/{entity}?count=true&limit=1&deleted={(deleted ? "true" : "false")}");
        return page["total"]!.GetValue<long>();
    }
}
