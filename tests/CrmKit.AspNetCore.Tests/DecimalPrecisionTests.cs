using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests;

/// <summary>Decimals and money are exact from the request text to the store and back to the response text.</summary>
public sealed class DecimalPrecisionTests : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api;

    public DecimalPrecisionTests(CrmKitServerFactory factory)
    {
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task Decimals_ShouldSumExactly_WhenStoredAndReadBack()
    {
        var entity = await _api.CreateWidgetAsync();
        await _api.CreateRecordAsync(entity, """{"name": "a", "amount": 0.1, "price": {"amount": 0.1, "currency": "RUB"}}""");
        await _api.CreateRecordAsync(entity, """{"name": "b", "amount": 0.2, "price": {"amount": 0.2, "currency": "RUB"}}""");

        using var response = await _api.GetAsync($"/api/records/{entity}?sort=name");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldContain("\"amount\":0.1,");
        text.ShouldContain("\"amount\":0.2,");
        text.ShouldNotContain("0.1000000000000000055");
        text.ShouldNotContain("0.2000000000000000111");
        var items = JsonNode.Parse(text)!["items"]!.AsArray();
        var sum = items.Sum(r => decimal.Parse(r!["amount"]!.ToJsonString(), CultureInfo.InvariantCulture));
        var moneySum = items.Sum(r => decimal.Parse(r!["price"]!["amount"]!.ToJsonString(), CultureInfo.InvariantCulture));
        sum.ShouldBe(0.3m);
        moneySum.ShouldBe(0.3m);
    }

    [Fact]
    public async Task LargeAmounts_ShouldRoundTripByteExact()
    {
        var entity = await _api.CreateWidgetAsync();

        using var created = await _api.PostJsonAsync(
            $"/api/records/{entity}",
            """{"name": "big", "amount": 12345678901234.56, "price": {"amount": 12345678901234.56, "currency": "USD"}}""");
        var createdText = await created.Content.ReadAsStringAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, createdText);
        var id = JsonNode.Parse(createdText)!["id"]!.GetValue<string>();
        using var read = await _api.GetAsync($"/api/records/{entity}/{id}");
        var readText = await read.Content.ReadAsStringAsync();

        foreach (var text in new[] { createdText, readText })
        {
            text.ShouldContain("\"amount\":12345678901234.56,");
            text.ShouldContain("{\"amount\":12345678901234.56,\"currency\":\"USD\"}");
        }
    }

    [Fact]
    public async Task Filter_ShouldCompareDecimalsExactly()
    {
        var entity = await _api.CreateWidgetAsync();
        await _api.CreateRecordAsync(entity, """{"name": "x", "amount": 0.3}""");
        await _api.CreateRecordAsync(entity, """{"name": "y", "amount": 12345678901234.56}""");

        var equal = await _api.GetJsonAsync($"/api/records/{entity}?filter={Uri.EscapeDataString("amount eq 0.3")}");
        var big = await _api.GetJsonAsync($"/api/records/{entity}?filter={Uri.EscapeDataString("amount gt 12345678901234.55")}");

        equal["items"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("x");
        big["items"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("y");
    }
}
