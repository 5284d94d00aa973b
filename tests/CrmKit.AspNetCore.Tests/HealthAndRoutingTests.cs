using System.Net;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests;

public sealed class HealthAndRoutingTests : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api;

    public HealthAndRoutingTests(CrmKitServerFactory factory)
    {
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task Health_ShouldReturnHealthy()
    {
        var body = await _api.GetJsonAsync("/health");

        body.ToJsonString().ShouldBe("""{"status":"healthy"}""");
    }

    [Theory]
    [InlineData("/api/nothing/here")]
    [InlineData("/")]
    [InlineData("/api/records")]
    [InlineData("/api/metadata/entities/contact/unknown")]
    public async Task UnknownRoute_ShouldReturn404Problem(string path)
    {
        using var response = await _api.GetAsync(path);

        var problem = await response.ShouldBeProblemAsync(404, "route.not_found");
        problem["instance"]!.GetValue<string>().ShouldBe(path);
    }

    [Fact]
    public async Task WrongMethod_ShouldReturn405Problem()
    {
        using var response = await _api.SendJsonAsync(HttpMethod.Put, "/api/records/contact", "{}");

        await response.ShouldBeProblemAsync(405, "route.method_not_allowed");
        response.Content.Headers.Allow.ShouldContain("GET");
    }

    [Fact]
    public async Task RouteNotFound_ShouldBeInRussian_WhenAsked()
    {
        using var response = await _api.GetAsync("/api/nothing", "ru");

        var problem = await response.ShouldBeProblemAsync(404, "route.not_found");
        problem["title"]!.GetValue<string>().ShouldMatch("[а-яА-Я]");
    }

    [Fact]
    public async Task Responses_ShouldBeUtf8Json()
    {
        using var response = await _api.GetAsync("/api/metadata/entities", "ru");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Контакт");
    }
}
