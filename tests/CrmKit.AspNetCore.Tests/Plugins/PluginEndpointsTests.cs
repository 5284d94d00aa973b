using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Plugins;

/// <summary>
/// <c>/api/plugins</c> and <c>/api/metadata/field-types</c> on the real server with a plugins folder and plugins added
/// in code. Tests that disable a plugin enable it again before they end, so the order they run in does not matter.
/// </summary>
public sealed class PluginEndpointsTests : IClassFixture<PluginServerFactory>
{
    private readonly CrmApi _api;

    public PluginEndpointsTests(PluginServerFactory factory)
    {
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task List_ShouldShowTheInCodePluginLoaded_WithWhatItRegistered()
    {
        var list = await _api.GetJsonAsync("/api/plugins");

        var rating = Plugin(list, RatingPlugin.PluginId);
        rating["state"]!.GetValue<string>().ShouldBe("loaded");
        rating["reason"].ShouldBeNull();
        rating["version"]!.GetValue<string>().ShouldBe("1.0.0");
        rating["displayName"]!.GetValue<string>().ShouldBe("Ratings");
        rating["description"]!.GetValue<string>().ShouldBe("A 1-5 rating on contacts.");
        rating["source"]!.GetValue<string>().ShouldBe("code");
        rating["sdkRange"]!.GetValue<string>().ShouldBe("[0.1.0, 1.0.0)");
        rating["dependencies"]!.AsArray().ShouldBeEmpty();
        Strings(rating["registered"]).ShouldContain("field-type:" + RatingPlugin.TypeName);
        Strings(rating["registered"]).ShouldContain("field:contact." + RatingPlugin.FieldName);
        DateTimeOffset.Parse(rating["changedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(-1));
        Strings(Plugin(list, DependentPlugin.PluginId)["dependencies"]).ShouldBe(["test.rating [1.0.0, 2.0.0)"]);
    }

    [Fact]
    public async Task List_ShouldShowAFolderWithAnInvalidManifestAsFailed()
    {
        var list = await _api.GetJsonAsync("/api/plugins");

        var broken = list["items"]!.AsArray().OfType<JsonObject>()
            .Single(p => p["source"]!.GetValue<string>().EndsWith(PluginServerFactory.BrokenFolder, StringComparison.Ordinal));
        broken["state"]!.GetValue<string>().ShouldBe("failed");
        broken["reason"]!["code"]!.GetValue<string>().ShouldStartWith("plugin.manifest_");
        broken["reason"]!["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        broken["registered"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_ShouldReturnThePlugin()
    {
        var plugin = await _api.GetJsonAsync("/api/plugins/" + RatingPlugin.PluginId);

        plugin["id"]!.GetValue<string>().ShouldBe(RatingPlugin.PluginId);
        plugin["state"]!.GetValue<string>().ShouldBe("loaded");
    }

    [Theory]
    [InlineData("GET", "/api/plugins/no.such")]
    [InlineData("POST", "/api/plugins/no.such/enable")]
    [InlineData("POST", "/api/plugins/no.such/disable")]
    [InlineData("POST", "/api/plugins/no.such/reload")]
    public async Task UnknownId_ShouldAnswer404Problem(string method, string path)
    {
        using var response = await _api.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await response.ShouldBeProblemAsync(404, "plugin.not_found");
        problem["title"]!.GetValue<string>().ShouldContain("no.such");
    }

    [Fact]
    public async Task UnknownId_ShouldBeExplainedInRussian_WhenAsked()
    {
        using var response = await _api.GetAsync("/api/plugins/no.such", language: "ru");

        var problem = await response.ShouldBeProblemAsync(404, "plugin.not_found");
        problem["title"]!.GetValue<string>().ShouldContain("Плагина");
    }

    [Fact]
    public async Task FieldTypes_ShouldListBuiltInAndPluginTypes_WithTheirOwners()
    {
        var types = await _api.GetJsonAsync("/api/metadata/field-types", language: "ru");

        var builtIn = FieldType(types, "string").ShouldNotBeNull();
        builtIn["owner"].ShouldBeNull();
        builtIn["valueKind"]!.GetValue<string>().ShouldBe("text");
        var rating = FieldType(types, RatingPlugin.TypeName).ShouldNotBeNull();
        rating["owner"]!.GetValue<string>().ShouldBe(RatingPlugin.PluginId);
        rating["valueKind"]!.GetValue<string>().ShouldBe("integer");
        rating["displayName"]!.GetValue<string>().ShouldBe("Оценка");
        rating["baseSchema"]!["maximum"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task Disable_ShouldKeepTheFieldAndItsValues_AndRefuseNewValues_UntilEnabledAgain()
    {
        var contact = await _api.CreateRecordAsync("contact", $$"""{"first_name": "Ann", "last_name": "Lee", "{{RatingPlugin.FieldName}}": 4}""");
        var id = contact["id"]!.GetValue<string>();
        try
        {
            // The dependent goes first: a plugin others depend on cannot be disabled while they are loaded.
            (await PostJsonAsync($"/api/plugins/{DependentPlugin.PluginId}/disable"))["state"]!.GetValue<string>().ShouldBe("disabled");
            var disabled = await PostJsonAsync($"/api/plugins/{RatingPlugin.PluginId}/disable");

            disabled["state"]!.GetValue<string>().ShouldBe("disabled");
            disabled["reason"]!["code"]!.GetValue<string>().ShouldBe("plugin.disabled");
            disabled["registered"]!.AsArray().ShouldBeEmpty();
            (await _api.GetJsonAsync("/api/plugins/" + RatingPlugin.PluginId))["state"]!.GetValue<string>().ShouldBe("disabled");
            FieldType(await _api.GetJsonAsync("/api/metadata/field-types"), RatingPlugin.TypeName).ShouldBeNull();
            var entity = await _api.GetJsonAsync("/api/metadata/entities/contact");
            entity["fields"]!.AsArray().ShouldContain(f => f!["name"]!.GetValue<string>() == RatingPlugin.FieldName);
            (await _api.GetJsonAsync("/api/records/contact/" + id))[RatingPlugin.FieldName]!.GetValue<int>().ShouldBe(4);
            using (var refused = await _api.PatchJsonAsync("/api/records/contact/" + id, $$"""{"{{RatingPlugin.FieldName}}": 5}"""))
            {
                var problem = await refused.ShouldBeProblemAsync(422, "validation.failed");
                problem.ErrorCodes().ShouldContain("field.type_unavailable");
                problem.Pointers().ShouldContain("/" + RatingPlugin.FieldName);
            }

            var enabled = await PostJsonAsync($"/api/plugins/{RatingPlugin.PluginId}/enable");

            enabled["state"]!.GetValue<string>().ShouldBe("loaded");
            enabled["reason"].ShouldBeNull();
            Strings(enabled["registered"]).ShouldContain("field-type:" + RatingPlugin.TypeName);
            FieldType(await _api.GetJsonAsync("/api/metadata/field-types"), RatingPlugin.TypeName).ShouldNotBeNull();
            using var accepted = await _api.PatchJsonAsync("/api/records/contact/" + id, $$"""{"{{RatingPlugin.FieldName}}": 5}""");
            (await accepted.ShouldBeJsonAsync(HttpStatusCode.OK))[RatingPlugin.FieldName]!.GetValue<int>().ShouldBe(5);
        }
        finally
        {
            await _api.Client.PostAsync($"/api/plugins/{RatingPlugin.PluginId}/enable", null);
            await _api.Client.PostAsync($"/api/plugins/{DependentPlugin.PluginId}/enable", null);
        }
    }

    [Fact]
    public async Task Disable_ShouldAnswer409_WhileALoadedPluginDependsOnIt()
    {
        using var response = await _api.Client.PostAsync($"/api/plugins/{RatingPlugin.PluginId}/disable", null);

        var problem = await response.ShouldBeProblemAsync(409, "plugin.has_dependents");
        problem["title"]!.GetValue<string>().ShouldContain(DependentPlugin.PluginId);
        (await _api.GetJsonAsync("/api/plugins/" + RatingPlugin.PluginId))["state"]!.GetValue<string>().ShouldBe("loaded");
    }

    [Fact]
    public async Task Reload_ShouldLoadAnInCodePluginAgain()
    {
        var reloaded = await PostJsonAsync($"/api/plugins/{DependentPlugin.PluginId}/reload");

        reloaded["state"]!.GetValue<string>().ShouldBe("loaded");
        Strings(reloaded["registered"]).ShouldContain("field:contact.test_dependent_note");
    }

    [Fact]
    public async Task Scan_ShouldAnswerEveryPlugin()
    {
        var list = await PostJsonAsync("/api/plugins/scan");

        Plugin(list, RatingPlugin.PluginId)["state"]!.GetValue<string>().ShouldBe("loaded");
        list["items"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task OpenApi_ShouldDescribeThePluginAndFieldTypePaths()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        foreach (var path in new[]
        {
            "/api/plugins", "/api/plugins/scan", "/api/plugins/{id}", "/api/plugins/{id}/enable",
            "/api/plugins/{id}/disable", "/api/plugins/{id}/reload", "/api/metadata/field-types",
        })
        {
            paths.ContainsKey(path).ShouldBeTrue(path);
        }

        document["components"]!["schemas"]!["PluginStatus"].ShouldNotBeNull();
        document["components"]!["schemas"]!["FieldTypeInfo"].ShouldNotBeNull();
    }

    private static JsonObject Plugin(JsonObject list, string id) =>
        list["items"]!.AsArray().OfType<JsonObject>().Single(p => p["id"]!.GetValue<string>() == id);

    private static JsonObject? FieldType(JsonObject list, string name) =>
        list["items"]!.AsArray().OfType<JsonObject>().SingleOrDefault(t => t["name"]!.GetValue<string>() == name);

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    private async Task<JsonObject> PostJsonAsync(string path)
    {
        using var response = await _api.Client.PostAsync(path, null);
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }
}
