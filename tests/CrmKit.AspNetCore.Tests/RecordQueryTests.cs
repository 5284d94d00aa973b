using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests;

/// <summary>Filter, sort, select, keyset paging and count through <c>GET /api/records/{entity}</c>.</summary>
public sealed class RecordQueryTests : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api;

    public RecordQueryTests(CrmKitServerFactory factory)
    {
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task Query_ShouldFilterSortAndSelect()
    {
        var entity = await SeedAsync();

        var page = await _api.GetJsonAsync(
            $"/api/records/{entity}?filter={Uri.EscapeDataString("stage eq 'won' and score ge 3")}&sort=score desc&select=name,score");

        var items = page["items"]!.AsArray();
        items.Select(r => r!["name"]!.GetValue<string>()).ShouldBe(["r9", "r7", "r5", "r3"]);
        foreach (var item in items)
        {
            item!.AsObject().Select(p => p.Key).ShouldBe(["id", "version", "name", "score"], ignoreOrder: true);
        }

        page["next"].ShouldBeNull();
        page.ContainsKey("total").ShouldBeFalse();
    }

    [Fact]
    public async Task Query_ShouldWalkEveryPageWithTheCursor()
    {
        var entity = await SeedAsync();
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var path = $"/api/records/{entity}?sort=score&limit=3" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            var page = await _api.GetJsonAsync(path);
            seen.AddRange(page["items"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
            after = page["next"]?.GetValue<string>();
            pages++;
        }
        while (after is not null && pages < 10);

        seen.ShouldBe(Enumerable.Range(0, 10).Select(i => "r" + i));
        pages.ShouldBe(4);
    }

    [Fact]
    public async Task Query_ShouldCountAllMatches_WhenCountIsTrue()
    {
        var entity = await SeedAsync();

        var page = await _api.GetJsonAsync(
            $"/api/records/{entity}?filter={Uri.EscapeDataString("stage eq 'won'")}&count=true&limit=2");

        page["total"]!.GetValue<long>().ShouldBe(5);
        page["items"]!.AsArray().Count.ShouldBe(2);
        page["next"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Query_ShouldCompareDecimalsAsNumbersAndDatesAsDates()
    {
        var entity = await SeedAsync();

        var byAmount = await _api.GetJsonAsync(
            $"/api/records/{entity}?filter={Uri.EscapeDataString("amount gt 9.5")}&sort=amount");
        var byDate = await _api.GetJsonAsync(
            $"/api/records/{entity}?filter={Uri.EscapeDataString("due ge 2026-01-08")}&sort=due");

        // 10.5 > 9.5 although "10.5" < "9.5" as text.
        Names(byAmount).ShouldBe(["r9"]);
        Names(byDate).ShouldBe(["r7", "r8", "r9"]);
    }

    [Fact]
    public async Task Query_ShouldReturn400NamingTheField_WhenTheFilterUsesAnUnknownField()
    {
        var entity = await SeedAsync();

        using var response = await _api.GetAsync($"/api/records/{entity}?filter={Uri.EscapeDataString("colour eq 'red'")}");

        var problem = await response.ShouldBeProblemAsync(400, "query.unknown_field");
        problem.ToJsonString().ShouldContain("colour");
    }

    [Fact]
    public async Task Query_ShouldReturn400NamingTheLiteral_WhenItHasTheWrongType()
    {
        var entity = await SeedAsync();

        using var response = await _api.GetAsync($"/api/records/{entity}?filter={Uri.EscapeDataString("score gt 'many'")}");

        var problem = await response.ShouldBeProblemAsync(400, "query.invalid_literal");
        problem.ToJsonString().ShouldContain("many");
    }

    [Theory]
    [InlineData("limit=abc")]
    [InlineData("limit=0")]
    [InlineData("limit=5000")]
    [InlineData("limit=-1")]
    [InlineData("limit=1.5")]
    public async Task Query_ShouldReturn400_WhenTheLimitIsInvalid(string query)
    {
        var entity = await SeedAsync();

        using var response = await _api.GetAsync($"/api/records/{entity}?{query}");

        await response.ShouldBeProblemAsync(400, "query.invalid_limit");
    }

    [Theory]
    [InlineData("count=yes", "query.invalid_count")]
    [InlineData("deleted=2", "query.invalid_deleted")]
    [InlineData("limit=1&limit=2", "query.duplicate_parameter")]
    [InlineData("select=name,,score", "query.invalid_select")]
    [InlineData("select=name;drop table x", "query.invalid_select")]
    [InlineData("select=colour", "query.unknown_field")]
    public async Task Query_ShouldReturn400_WhenAParameterIsMalformed(string query, string code)
    {
        var entity = await SeedAsync();

        using var response = await _api.GetAsync($"/api/records/{entity}?{query}");

        await response.ShouldBeProblemAsync(400, code);
    }

    [Fact]
    public async Task Query_ShouldReturn404_WhenTheEntityIsUnknown()
    {
        using var response = await _api.GetAsync("/api/records/no_such_entity");

        await response.ShouldBeProblemAsync(404, "entity.not_found");
    }

    private static IEnumerable<string> Names(JsonObject page) =>
        page["items"]!.AsArray().Select(r => r!["name"]!.GetValue<string>());

    /// <summary>Ten widgets r0..r9: score i, amount i + 0.5 (as text 0.5..9.5, 10.5), stage won on odd i, due 2026-01-0(i+1).</summary>
    private async Task<string> SeedAsync()
    {
        var entity = await _api.CreateWidgetAsync();
        var items = new JsonArray();
        for (var i = 0; i < 10; i++)
        {
            items.Add(JsonNode.Parse(
                $$"""
                {"name": "r{{i}}", "score": {{i}}, "amount": {{(i == 9 ? "10.5" : i + ".5")}},
                 "stage": "{{(i % 2 == 1 ? "won" : "new")}}", "due": "2026-01-{{i + 1:00}}"}
                """));
        }

        using var response = await _api.PostJsonAsync($"/api/records/{entity}", items.ToJsonString());
        await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        return entity;
    }
}
