using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests;

/// <summary>
/// <c>GET /api/integrations/egrul/{innOrOgrn}</c> on a server without a registry-lookup plugin (the EGRUL plugin's own
/// tests, tests/CrmKit.Plugins.Egrul.Tests, cover the endpoint with the plugin loaded).
/// </summary>
public sealed class RegistryLookupEndpointsTests : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api;

    public RegistryLookupEndpointsTests(CrmKitServerFactory factory)
    {
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task Lookup_ShouldAnswer503_WhenNoRegistryLookupIsLoaded()
    {
        var response = await _api.GetAsync("/api/integrations/egrul/7707083893");

        var problem = await response.ShouldBeProblemAsync(503, "egrul.no_provider");
        problem["title"]!.GetValue<string>().ShouldContain("registry-lookup plugin");
    }

    [Fact]
    public async Task Lookup_ShouldAnswer404_ForAnUnknownProvider()
    {
        var response = await _api.GetAsync("/api/integrations/egrul/7707083893?provider=nobody");

        await response.ShouldBeProblemAsync(404, "egrul.unknown_provider");
    }

    [Theory]
    [InlineData("?branch=both", "query.invalid_branch")]
    [InlineData("?refresh=yes", "query.invalid_refresh")]
    [InlineData("?kpp=1&kpp=2", "query.duplicate_parameter")]
    public async Task Lookup_ShouldRefuseBadParameters(string query, string code)
    {
        var response = await _api.GetAsync("/api/integrations/egrul/7707083893" + query);

        await response.ShouldBeProblemAsync(400, code);
    }

    [Fact]
    public async Task Lookup_ShouldAnswerInRussian()
    {
        var response = await _api.GetAsync("/api/integrations/egrul/7707083893", "ru");

        var problem = await response.ShouldBeProblemAsync(503, "egrul.no_provider");
        problem["title"]!.GetValue<string>().ShouldContain("плагин");
    }
}
