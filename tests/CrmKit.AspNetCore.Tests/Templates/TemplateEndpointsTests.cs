using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Templates;

/// <summary><c>/api/templates</c> over the real server and SQLite file.</summary>
public sealed class TemplateEndpointsTests(CrmKitServerFactory factory) : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api = new(factory.CreateClient());

    private static string NewName() => "t" + Guid.NewGuid().ToString("N")[..10] + ".offer";

    private Task<HttpResponseMessage> PutAsync(string name, JsonObject body) =>
        _api.SendJsonAsync(HttpMethod.Put, "/api/templates/" + name, body.ToJsonString());

    [Fact]
    public async Task Put_ShouldCreateThenUpdate_AndGetShouldReadTheLocale()
    {
        var name = NewName();

        using var created = await PutAsync(name, new JsonObject { ["locale"] = "ru-RU", ["kind"] = "document", ["source"] = "v1", ["version"] = 0 });
        using var updated = await PutAsync(name, new JsonObject { ["locale"] = "ru-RU", ["kind"] = "document", ["source"] = "v2", ["version"] = 1 });
        var read = await _api.GetJsonAsync($"/api/templates/{name}?locale=ru-KZ");

        (await created.ShouldBeJsonAsync(HttpStatusCode.OK))["version"]!.GetValue<long>().ShouldBe(1);
        (await updated.ShouldBeJsonAsync(HttpStatusCode.OK))["version"]!.GetValue<long>().ShouldBe(2);
        read["source"]!.GetValue<string>().ShouldBe("v2");
        read["locale"]!.GetValue<string>().ShouldBe("ru-RU");
        var list = await _api.GetJsonAsync("/api/templates");
        list["items"]!.AsArray().Any(i => i!["name"]!.GetValue<string>() == name).ShouldBeTrue();
    }

    [Fact]
    public async Task Put_ShouldAnswer409_WhenVersionIsStale()
    {
        var name = NewName();
        (await PutAsync(name, new JsonObject { ["kind"] = "email", ["source"] = "v1" })).Dispose();

        using var stale = await PutAsync(name, new JsonObject { ["kind"] = "email", ["source"] = "v2", ["version"] = 0 });

        await stale.ShouldBeProblemAsync(409, "template.version_conflict");
    }

    [Fact]
    public async Task Put_ShouldAnswer400WithLineAndColumn_WhenTheSourceDoesNotParse()
    {
        using var response = await PutAsync(NewName(), new JsonObject { ["kind"] = "email", ["source"] = "Hi\n{{ for }}" });

        var problem = await response.ShouldBeProblemAsync(400, "template.syntax");
        problem["line"]!.GetValue<int>().ShouldBe(2);
        problem["column"]!.GetValue<int>().ShouldBe(8);
    }

    [Fact]
    public async Task Preview_ShouldRenderAgainstARecordWithItsCompany()
    {
        var name = NewName();
        var company = await _api.CreateRecordAsync("company", """{"name": "Ромашка"}""");
        var deal = await _api.CreateRecordAsync("deal", $$"""
            {"title": "Поставка", "stage": "won", "amount": {"amount": 2000, "currency": "RUB"}, "company": "{{company["id"]}}"}
            """);
        (await PutAsync(name, new JsonObject
        {
            ["kind"] = "document",
            ["source"] = "{{ related.company.name }}: {{ record.amount | amount_in_words }}",
        })).Dispose();

        using var response = await _api.PostJsonAsync($"/api/templates/{name}/preview", $$"""{"entity": "deal", "recordId": "{{deal["id"]}}"}""");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        body["text"]!.GetValue<string>().ShouldBe("Ромашка: Две тысячи рублей 00 копеек");
    }

    [Fact]
    public async Task Preview_ShouldAnswer400LimitExceeded_WhenTheTemplateLoopsForever()
    {
        var name = NewName();
        var deal = await _api.CreateRecordAsync("deal", """{"title": "x", "stage": "new"}""");
        (await PutAsync(name, new JsonObject { ["kind"] = "message", ["source"] = "{{ while true }}{{ end }}" })).Dispose();

        using var response = await _api.PostJsonAsync($"/api/templates/{name}/preview", $$"""{"entity": "deal", "recordId": "{{deal["id"]}}"}""");

        var problem = await response.ShouldBeProblemAsync(400, "template.limit_exceeded");
        problem["limit"]!.GetValue<string>().ShouldBe("loop");
    }

    [Fact]
    public async Task Delete_ShouldAnswer204_ThenGetShouldAnswer404()
    {
        var name = NewName();
        (await PutAsync(name, new JsonObject { ["kind"] = "email", ["source"] = "x" })).Dispose();

        using var deleted = await _api.SendJsonAsync(HttpMethod.Delete, "/api/templates/" + name, "{}");
        using var missing = await _api.GetAsync("/api/templates/" + name);

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await missing.ShouldBeProblemAsync(404, "template.not_found");
    }
}
