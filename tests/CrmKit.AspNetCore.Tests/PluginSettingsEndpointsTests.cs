using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Core.Settings;
using CrmKit.Sdk.Settings;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests;

/// <summary>
/// <c>/api/plugins/{id}/settings</c> over the real server and SQLite file. Each test registers a module of its own id
/// through <see cref="IModuleSettingsService"/>, as the plugin runtime does when it activates a plugin.
/// </summary>
public sealed class PluginSettingsEndpointsTests(CrmKitServerFactory factory) : IClassFixture<CrmKitServerFactory>
{
    private const string SchemaJson =
        """
        {
          "type": "object",
          "title": "Loyalty",
          "required": ["endpoint"],
          "additionalProperties": false,
          "properties": {
            "endpoint": {"type": "string", "format": "uri", "description": "The points service."},
            "rate": {"type": "number", "minimum": 0, "maximum": 10, "default": 1.5},
            "token": {"type": "string", "minLength": 8, "writeOnly": true}
          }
        }
        """;

    private readonly CrmApi _api = new(factory.CreateClient());

    [Fact]
    public async Task Get_ShouldAnswerVersionZero_WhenNeverSaved()
    {
        var id = Register(factory);

        var settings = await _api.GetJsonAsync($"/api/plugins/{id}/settings");

        settings.ToJsonString().ShouldBe("""{"values":{},"secretsSet":[],"version":0}""");
    }

    [Fact]
    public async Task Put_ShouldSaveAndNeverReturnSecrets()
    {
        var id = Register(factory);

        using var put = await PutAsync(id, """{"values": {"endpoint": "https://x.example", "rate": 2.5, "token": "s3cret-token"}, "version": 0}""");
        var saved = await put.ShouldBeJsonAsync(HttpStatusCode.OK);
        using var get = await _api.GetAsync($"/api/plugins/{id}/settings");
        var text = await get.Content.ReadAsStringAsync();

        saved.ToJsonString().ShouldBe("""{"values":{"endpoint":"https://x.example","rate":2.5},"secretsSet":["token"],"version":1}""");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldNotContain("s3cret-token");
        JsonNode.Parse(text)!["secretsSet"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["token"]);
        factory.Services.GetRequiredService<IModuleSettingsService>().For(id).GetCurrent()["token"]!.GetValue<string>()
            .ShouldBe("s3cret-token");
    }

    [Fact]
    public async Task Put_ShouldKeepAnOmittedSecret_AndClearANullOne()
    {
        var id = Register(factory);
        (await PutAsync(id, """{"values": {"endpoint": "https://x.example", "token": "s3cret-token"}}""")).Dispose();

        using var keep = await PutAsync(id, """{"values": {"endpoint": "https://y.example"}, "version": 1}""");
        (await keep.ShouldBeJsonAsync(HttpStatusCode.OK))["secretsSet"]!.AsArray().Count.ShouldBe(1);
        using var clear = await PutAsync(id, """{"values": {"endpoint": "https://y.example", "token": null}, "version": 2}""");
        var cleared = await clear.ShouldBeJsonAsync(HttpStatusCode.OK);

        cleared.ToJsonString().ShouldBe("""{"values":{"endpoint":"https://y.example"},"secretsSet":[],"version":3}""");
    }

    [Fact]
    public async Task Put_ShouldAnswer400WithPointers_AndWriteNothing_WhenValuesBreakTheSchema()
    {
        var id = Register(factory);
        (await PutAsync(id, """{"values": {"endpoint": "https://x.example"}}""")).Dispose();

        using var response = await PutAsync(id, """{"values": {"rate": 11, "token": "short", "colour": "red"}}""");
        var problem = await response.ShouldBeProblemAsync(400, "settings.invalid");

        problem.Pointers().Order(StringComparer.Ordinal).ShouldBe(["/values/colour", "/values/endpoint", "/values/rate", "/values/token"]);
        problem.ToJsonString().ShouldNotContain("short");
        var settings = await _api.GetJsonAsync($"/api/plugins/{id}/settings");
        settings["version"]!.GetValue<long>().ShouldBe(1);
        settings["values"]!.ToJsonString().ShouldBe("""{"endpoint":"https://x.example"}""");
    }

    [Fact]
    public async Task Put_ShouldAnswer409_WhenTheVersionIsStale()
    {
        var id = Register(factory);
        (await PutAsync(id, """{"values": {"endpoint": "https://x.example"}, "version": 0}""")).Dispose();

        using var response = await PutAsync(id, """{"values": {"endpoint": "https://y.example"}, "version": 0}""");

        var problem = await response.ShouldBeProblemAsync(409, "settings.version_conflict");
        problem["currentVersion"]!.GetValue<long>().ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"endpoint": "https://x.example"}""", "body.member_required", "/values")]
    [InlineData("""{"values": [], "version": 1}""", "body.object_expected", "/values")]
    [InlineData("""{"values": {}, "extra": 1}""", "body.member_unknown", "/extra")]
    public async Task Put_ShouldAnswer400_WhenTheBodyIsNotASettingsRequest(string body, string code, string pointer)
    {
        var id = Register(factory);

        using var response = await PutAsync(id, body);

        var problem = await response.ShouldBeProblemAsync(400, "request.invalid_body");
        problem.ErrorCodes().ShouldContain(code);
        problem.Pointers().ShouldContain(pointer);
    }

    [Fact]
    public async Task Put_ShouldAnswer400_WhenTheVersionIsNotAWholeNumber()
    {
        var id = Register(factory);

        using var response = await PutAsync(id, """{"values": {}, "version": "3"}""");

        await response.ShouldBeProblemAsync(400, "request.invalid_version");
    }

    [Theory]
    [InlineData("GET", "/settings")]
    [InlineData("PUT", "/settings")]
    [InlineData("GET", "/settings/schema")]
    public async Task Endpoints_ShouldAnswer404_WhenNoPluginDeclaresSettings(string method, string path)
    {
        var url = "/api/plugins/acme.nothing/" + path.TrimStart('/');
        using var response = method == "GET"
            ? await _api.GetAsync(url)
            : await _api.SendJsonAsync(HttpMethod.Put, url, """{"values": {}}""");

        await response.ShouldBeProblemAsync(404, "settings.module_not_found");
    }

    [Fact]
    public async Task GetSchema_ShouldReturnTheDeclaredSchema()
    {
        var id = Register(factory);

        var schema = await _api.GetJsonAsync($"/api/plugins/{id}/settings/schema");

        JsonNode.DeepEquals(schema, JsonNode.Parse(SchemaJson)).ShouldBeTrue(schema.ToJsonString());
    }

    [Fact]
    public async Task Settings_ShouldSurviveAHostRestart()
    {
        var id = Register(factory);
        (await PutAsync(id, """{"values": {"endpoint": "https://x.example", "token": "s3cret-token"}}""")).Dispose();

        // A second host over the same database file starts with nothing in memory, as after a restart.
        using var restarted = factory.WithWebHostBuilder(_ => { });
        Register(restarted, id);
        var api = new CrmApi(restarted.CreateClient());
        var settings = await api.GetJsonAsync($"/api/plugins/{id}/settings");

        settings.ToJsonString().ShouldBe("""{"values":{"endpoint":"https://x.example"},"secretsSet":["token"],"version":1}""");
        var current = restarted.Services.GetRequiredService<IModuleSettingsService>().For(id).GetCurrent();
        current.ToJsonString().ShouldBe("""{"endpoint":"https://x.example","token":"s3cret-token","rate":1.5}""");
    }

    [Fact]
    public async Task OpenApi_ShouldDescribeTheSettingsPaths()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        paths["/api/plugins/{id}/settings"]!["put"]!["operationId"]!.GetValue<string>().ShouldBe("savePluginSettings");
        paths["/api/plugins/{id}/settings/schema"]!["get"].ShouldNotBeNull();
    }

    private static string Register<T>(WebApplicationFactory<T> host, string? id = null)
        where T : class
    {
        id ??= "acme.t" + Guid.NewGuid().ToString("N")[..8];
        var schema = new ModuleSettingsSchema(id, JsonNode.Parse(SchemaJson)!.AsObject());
        host.Services.GetRequiredService<IModuleSettingsService>().RegisterSchema(id, schema);
        return id;
    }

    private Task<HttpResponseMessage> PutAsync(string id, string body) =>
        _api.SendJsonAsync(HttpMethod.Put, $"/api/plugins/{id}/settings", body);
}
