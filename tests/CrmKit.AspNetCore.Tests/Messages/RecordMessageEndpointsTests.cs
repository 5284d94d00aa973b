using System.Net;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Messages;

public sealed class RecordMessageEndpointsTests : IClassFixture<MessageServerFactory>
{
    private readonly CrmApi _api;

    public RecordMessageEndpointsTests(MessageServerFactory factory)
    {
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task Send_ShouldReturn200WithTheHandlersOutput_AndChangeTheRecord()
    {
        var deal = await _api.CreateRecordAsync("deal", """{"title": "A", "stage": "new"}""");

        using var response = await _api.PostJsonAsync($"/api/records/deal/{deal["id"]}/messages/{DealMessageModule.Message}", """{"reason": "price"}""");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        body["output"]!["stage"]!.GetValue<string>().ShouldBe("won");
        body["output"]!["version"]!.GetValue<long>().ShouldBe(2);
        (await _api.GetJsonAsync($"/api/records/deal/{deal["id"]}"))["stage"]!.GetValue<string>().ShouldBe("won");
    }

    [Theory]
    [InlineData("deal", "test.deal.nope", "record.message_not_found")]
    [InlineData("contact", DealMessageModule.Message, "record.message_not_found")]
    public async Task Send_ShouldReturn404_WhenTheEntityHasNoSuchMessage(string entity, string message, string code)
    {
        using var response = await _api.PostJsonAsync($"/api/records/{entity}/{Guid.NewGuid()}/messages/{message}", "{}");

        var problem = await response.ShouldBeProblemAsync(404, code);
        problem["title"]!.GetValue<string>().ShouldContain(message);
    }

    [Fact]
    public async Task Send_ShouldReturn404_WhenTheRecordDoesNotExist()
    {
        using var response = await _api.PostJsonAsync($"/api/records/deal/{Guid.NewGuid()}/messages/{DealMessageModule.Message}", """{"reason": "price"}""");

        await response.ShouldBeProblemAsync(404, "record.not_found");
    }

    [Fact]
    public async Task Send_ShouldReturn422WithPointers_WhenTheInputBreaksTheSchema()
    {
        var deal = await _api.CreateRecordAsync("deal", """{"title": "A", "stage": "new"}""");

        using var response = await _api.PostJsonAsync($"/api/records/deal/{deal["id"]}/messages/{DealMessageModule.Message}", """{"reason": "x"}""");

        var problem = await response.ShouldBeProblemAsync(422, "validation.failed");
        var error = problem["errors"]!.AsArray().ShouldHaveSingleItem()!;
        error["pointer"]!.GetValue<string>().ShouldBe("/reason");
        error["code"]!.GetValue<string>().ShouldBe("value.min_length");
        (await _api.GetJsonAsync($"/api/records/deal/{deal["id"]}"))["version"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Send_ShouldReturn400_WhenTheBodyIsNotAnObject()
    {
        var deal = await _api.CreateRecordAsync("deal", """{"title": "A", "stage": "new"}""");

        using var response = await _api.PostJsonAsync($"/api/records/deal/{deal["id"]}/messages/{DealMessageModule.Message}", "[]");

        ((int)response.StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task OpenApi_ShouldDescribeTheMessagesPath()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");

        var path = document["paths"]!["/api/records/deal/{id}/messages/{name}"].ShouldNotBeNull();
        path["post"]!["operationId"]!.GetValue<string>().ShouldBe("sendRecordMessage_deal");
    }
}
