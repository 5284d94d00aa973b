using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmKit.Plugins.Egrul.Tests.Infrastructure;

namespace CrmKit.Plugins.Egrul.Tests;

/// <summary>
/// The published plugins in the stock server: loaded from its plugins folder through the plugin runtime, configured and
/// used over REST — the registry lookup endpoint, the errors as problem details, autofill of a company posted with an
/// INN — and the token kept secret.
/// </summary>
public sealed class ServerTests : IClassFixture<EgrulServerFactory>
{
    private readonly EgrulServerFactory _factory;
    private readonly HttpClient _client;

    public ServerTests(EgrulServerFactory factory)
    {
        _factory = factory;
        _client = factory.CreateClient();
        factory.DaData.Reset();
    }

    [Fact]
    public async Task Plugins_ShouldLoadFromThePluginsFolder()
    {
        var plugins = await GetJsonAsync("/api/plugins");

        foreach (var id in (string[])["ru.requisites", "ru.egrul"])
        {
            var plugin = plugins["items"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == id)!;
            plugin["state"]!.GetValue<string>().ShouldBe("loaded", plugin.ToJsonString());
            plugin["source"]!.GetValue<string>().ShouldBe(Path.Combine(_factory.PluginsDirectory, id));
        }

        var egrul = await GetJsonAsync("/api/plugins/ru.egrul");
        var registered = egrul["registered"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        registered.ShouldContain("registry-lookup:dadata");
        registered.ShouldContain("record-hook:ru.egrul.autofill");
        registered.ShouldContain("workflow-action:ru.egrul.refresh");
        egrul["dependencies"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["ru.requisites [1.0.0, 2.0.0)"]);

        var types = await GetJsonAsync("/api/metadata/field-types");
        types["items"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ShouldContain("ru.requisites.inn");
    }

    [Fact]
    public async Task Settings_ShouldNeverReturnTheToken()
    {
        var settings = await GetJsonAsync("/api/plugins/ru.egrul/settings");

        settings["secretsSet"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["token"]);
        settings.ToJsonString().ShouldNotContain(EgrulHost.Token);
        settings["values"]!["baseUrl"]!.GetValue<string>().ShouldBe(_factory.DaData.BaseUrl);
    }

    [Fact]
    public async Task Lookup_ShouldAnswerWithTheRegistryEntry()
    {
        var answer = await GetJsonAsync("/api/integrations/egrul/7719402047");

        answer["provider"]!.GetValue<string>().ShouldBe("dadata");
        var entry = answer["items"]!.AsArray().ShouldHaveSingleItem()!;
        entry["kind"]!.GetValue<string>().ShouldBe("legal_entity");
        entry["inn"]!.GetValue<string>().ShouldBe("7719402047");
        entry["kpp"]!.GetValue<string>().ShouldBe("773101001");
        entry["ogrn"]!.GetValue<string>().ShouldBe("1157746078984");
        entry["shortName"]!.GetValue<string>().ShouldBe("ООО \"МОТОРИКА\"");
        entry["legalForm"]!.GetValue<string>().ShouldBe("ООО");
        entry["branchType"]!.GetValue<string>().ShouldBe("main");
        entry["registrationDate"]!.GetValue<string>().ShouldBe("2015-02-05");
        entry["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        entry["windingDown"]!.GetValue<bool>().ShouldBeFalse();
        entry["legalAddress"].ShouldBeNull();
        entry["directorName"]!.GetValue<string>().ShouldBe("Чех Илья Игоревич");
        entry["mainOkved"]!.GetValue<string>().ShouldBe("72.19");
        entry["raw"].ShouldBeNull();
        _factory.DaData.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Token " + EgrulHost.Token);
    }

    [Fact]
    public async Task Lookup_ShouldPassKppAndRaw()
    {
        _factory.DaData.Default = FakeReply.Json(DaDataPayloads.WithBranches());

        var answer = await GetJsonAsync($"/api/integrations/egrul/7719402047?kpp={DaDataPayloads.BranchKpp}&raw=true");

        var entry = answer["items"]!.AsArray().ShouldHaveSingleItem()!;
        entry["kpp"]!.GetValue<string>().ShouldBe(DaDataPayloads.BranchKpp);
        entry["branchType"]!.GetValue<string>().ShouldBe("branch");
        entry["raw"]!["data"]!["branch_type"]!.GetValue<string>().ShouldBe("BRANCH");
    }

    [Fact]
    public async Task Lookup_ShouldAnswer400WithTheReason_AndSendNothing_ForAnInvalidInn()
    {
        var problem = await ProblemAsync("/api/integrations/egrul/7707083894", HttpStatusCode.BadRequest);

        problem["code"]!.GetValue<string>().ShouldBe("egrul.invalid_id");
        var error = problem["errors"]!.AsArray().ShouldHaveSingleItem()!;
        error["code"]!.GetValue<string>().ShouldBe("inn.checksum");
        error["pointer"]!.GetValue<string>().ShouldBe("/query");
        _factory.DaData.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Lookup_ShouldAnswer404_WhenTheRegistryHasNoSuchCompany()
    {
        _factory.DaData.Default = FakeReply.Json(DaDataPayloads.NotFound());

        var problem = await ProblemAsync("/api/integrations/egrul/7707083893", HttpStatusCode.NotFound);

        problem["code"]!.GetValue<string>().ShouldBe("egrul.not_found");
    }

    [Fact]
    public async Task Lookup_ShouldAnswer503WithADistinctCode_ForEachProviderFailure()
    {
        _factory.DaData.Enqueue(FakeReply.Error(429, retryAfter: "30"), FakeReply.Error(500), FakeReply.Error(401));

        var limited = await ProblemAsync("/api/integrations/egrul/7719402047", HttpStatusCode.ServiceUnavailable);
        var down = await ProblemAsync("/api/integrations/egrul/7719402047", HttpStatusCode.ServiceUnavailable);
        var unauthorized = await ProblemAsync("/api/integrations/egrul/7719402047", HttpStatusCode.ServiceUnavailable);

        limited["code"]!.GetValue<string>().ShouldBe("egrul.rate_limited");
        limited["retryAfter"]!.GetValue<int>().ShouldBe(30);
        down["code"]!.GetValue<string>().ShouldBe("egrul.provider_unavailable");
        unauthorized["code"]!.GetValue<string>().ShouldBe("egrul.unauthorized");
        unauthorized.ToJsonString().ShouldNotContain(EgrulHost.Token);
    }

    [Fact]
    public async Task Lookup_ShouldRefuseAnUnknownBranchValue()
    {
        var problem = await ProblemAsync("/api/integrations/egrul/7719402047?branch=all", HttpStatusCode.BadRequest);

        problem["code"]!.GetValue<string>().ShouldBe("query.invalid_branch");
        _factory.DaData.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateCompany_ShouldBeFilledFromTheRegistry_OverRest()
    {
        var response = await _client.PostAsJsonAsync("/api/records/company", new JsonObject { ["inn"] = "7719402047" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var company = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        company["name"]!.GetValue<string>().ShouldBe("ООО \"МОТОРИКА\"");
        company["ogrn"]!.GetValue<string>().ShouldBe("1157746078984");
        company["egrul_status"]!.GetValue<string>().ShouldBe("ACTIVE");
        company["egrul_inactive"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task CreateCompany_ShouldBeRefusedWithTheReason_ForABadOgrn()
    {
        var response = await _client.PostAsJsonAsync("/api/records/company", new JsonObject { ["name"] = "X", ["ogrn"] = "1027700132194" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var error = problem["errors"]!.AsArray().ShouldHaveSingleItem()!;
        error["code"]!.GetValue<string>().ShouldBe("ogrn.checksum");
        error["pointer"]!.GetValue<string>().ShouldBe("/ogrn");
    }

    [Fact]
    public async Task OpenApi_ShouldDescribeTheLookup()
    {
        var document = await GetJsonAsync("/openapi/v1.json");

        document["paths"]!["/api/integrations/egrul/{innOrOgrn}"]!["get"]!["operationId"]!.GetValue<string>().ShouldBe("lookupRegistry");
    }

    [Fact]
    public async Task Logs_ShouldNeverContainTheToken()
    {
        _factory.DaData.Enqueue(FakeReply.Error(401));
        await _client.GetAsync(new Uri("/api/integrations/egrul/7719402047", UriKind.Relative));
        await GetJsonAsync("/api/integrations/egrul/7719402047");

        _factory.Logs.Lines.ShouldContain(l => l.Contains("findById/party", StringComparison.Ordinal));
        _factory.Logs.Lines.ShouldNotContain(l => l.Contains(EgrulHost.Token, StringComparison.Ordinal));
    }

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<JsonObject> ProblemAsync(string path, HttpStatusCode status)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonNode.Parse(body)!.AsObject();
    }
}
