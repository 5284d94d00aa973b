using System.Net;
using System.Net.Http.Headers;
using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.AspNetCore.Tests.Security;

namespace CrmKit.AspNetCore.Tests.Files;

/// <summary>The size limit and allowed media types, and the record's access rights.</summary>
public sealed class AttachmentLimitsTests(LimitedFilesServerFactory factory) : IClassFixture<LimitedFilesServerFactory>
{
    private readonly CrmApi _api = new(factory.CreateClient());

    [Fact]
    public async Task Upload_ShouldAnswer413_WhenTheDeclaredLengthIsOverTheLimit()
    {
        var deal = await AttachmentEndpointsTests.NewDealAsync(_api);

        using var response = await AttachmentEndpointsTests.UploadRawAsync(_api, deal, AttachmentEndpointsTests.Content(1001));

        await response.ShouldBeProblemAsync(413, "attachment.too_large");
        (await _api.GetJsonAsync($"/api/records/deal/{deal}/attachments"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_ShouldAnswer413_WhenAChunkedBodyRunsOverTheLimit_AndKeepNothing()
    {
        var deal = await AttachmentEndpointsTests.NewDealAsync(_api);
        var body = new StreamContent(new UnknownLengthStream(AttachmentEndpointsTests.Content(5000)));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");

        using var response = await _api.Client.PostAsync($"/api/records/deal/{deal}/attachments?fileName=a.png", body);

        await response.ShouldBeProblemAsync(413, "attachment.too_large");
        (await _api.GetJsonAsync($"/api/records/deal/{deal}/attachments"))["items"]!.AsArray().ShouldBeEmpty();
        FilesServerFactory.FilesUnder(factory.LocalRoot).ShouldNotContain(f => f.Contains(Guid.Parse(deal).ToString("N"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task MultipartUpload_ShouldAnswer413_WhenTheFilePartRunsOverTheLimit()
    {
        var deal = await AttachmentEndpointsTests.NewDealAsync(_api);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(AttachmentEndpointsTests.Content(1500));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        form.Add(file, "file", "big.png");

        using var response = await _api.Client.PostAsync($"/api/records/deal/{deal}/attachments", form);

        await response.ShouldBeProblemAsync(413, "attachment.too_large");
        (await _api.GetJsonAsync($"/api/records/deal/{deal}/attachments"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("text/plain", 415)]
    [InlineData("image/png", 201)]
    [InlineData("IMAGE/SVG+XML", 201)]
    [InlineData("application/pdf; x=1", 201)]
    [InlineData("application/pdfx", 415)]
    public async Task Upload_ShouldAcceptOnlyTheAllowedMediaTypes(string contentType, int status)
    {
        var deal = await AttachmentEndpointsTests.NewDealAsync(_api);

        using var response = await AttachmentEndpointsTests.UploadRawAsync(_api, deal, [1, 2, 3], contentType);

        if (status == 415)
        {
            await response.ShouldBeProblemAsync(415, "attachment.type_not_allowed");
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task Attachments_ShouldFollowTheRecordsReadAndUpdateRights()
    {
        var security = new SecurityApi(factory);
        var deal = await AttachmentEndpointsTests.NewDealAsync(_api);
        (await AttachmentEndpointsTests.UploadRawAsync(_api, deal, [1, 2, 3], "image/png")).Dispose();
        var readerRole = SecurityApi.NewId("deal-reader");
        await security.SaveRoleAsync(readerRole, """{"entities": {"deal": {"read": "all"}}}""");
        var reader = await security.ClientForNewUserAsync(SecurityApi.NewId("reader"), readerRole);
        var stranger = await security.ClientForNewUserAsync(SecurityApi.NewId("stranger"));

        var listed = await reader.GetJsonAsync($"/api/records/deal/{deal}/attachments");
        using var upload = await AttachmentEndpointsTests.UploadRawAsync(reader, deal, [1], "image/png");
        using var hidden = await stranger.GetAsync($"/api/records/deal/{deal}/attachments");

        listed["items"]!.AsArray().Count.ShouldBe(1);
        await upload.ShouldBeProblemAsync(403, "access.denied");
        await hidden.ShouldBeProblemAsync(403, "access.denied");
    }

    /// <summary>A stream that does not tell its length, so the client sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
