using System.Net;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Files;

/// <summary>A store that cannot write answers 503 with a stable code, and the record stays as it was.</summary>
public sealed class UnavailableStoreTests(BrokenStoreServerFactory factory) : IClassFixture<BrokenStoreServerFactory>
{
    private readonly CrmApi _api = new(factory.CreateClient());

    [Fact]
    public async Task Upload_ShouldAnswer503_AndLeaveTheRecordUntouched()
    {
        var deal = await AttachmentEndpointsTests.NewDealAsync(_api);
        var before = await _api.GetJsonAsync("/api/records/deal/" + deal);

        using var response = await AttachmentEndpointsTests.UploadRawAsync(_api, deal, AttachmentEndpointsTests.Content(100));

        await response.ShouldBeProblemAsync(503, "file_store.unavailable");
        var after = await _api.GetJsonAsync("/api/records/deal/" + deal);
        after.ToJsonString().ShouldBe(before.ToJsonString());
        (await _api.GetJsonAsync($"/api/records/deal/{deal}/attachments"))["items"]!.AsArray().ShouldBeEmpty();
        var history = await _api.GetJsonAsync($"/api/records/deal/{deal}/history");
        history["items"]!.AsArray().Count.ShouldBe(1);
    }
}
