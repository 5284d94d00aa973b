using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Files;

/// <summary>Attachments over the real server, SQLite file and local store: upload, list, download with ranges, delete.</summary>
public sealed class AttachmentEndpointsTests(FilesServerFactory factory) : IClassFixture<FilesServerFactory>
{
    private readonly CrmApi _api = new(factory.CreateClient());

    internal static byte[] Content(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    internal static async Task<string> NewDealAsync(CrmApi api) =>
        (await api.CreateRecordAsync("deal", """{"title": "Поставка", "stage": "new"}"""))["id"]!.GetValue<string>();

    internal static async Task<HttpResponseMessage> UploadRawAsync(
        CrmApi api, string dealId, byte[] content, string contentType = "application/pdf", string? fileName = "offer.pdf")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var query = fileName is null ? "" : "?fileName=" + Uri.EscapeDataString(fileName);
        return await api.Client.PostAsync($"/api/records/deal/{dealId}/attachments{query}", body);
    }

    [Fact]
    public async Task RawUpload_ShouldStoreTheContentWithItsHash_AndDownloadShouldReturnItWithHeaders()
    {
        var deal = await NewDealAsync(_api);
        var content = Content(300_000);

        using var created = await UploadRawAsync(_api, deal, content);

        var attachment = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = attachment["id"]!.GetValue<string>();
        attachment["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        attachment["length"]!.GetValue<long>().ShouldBe(content.Length);
        attachment["fileName"]!.GetValue<string>().ShouldBe("offer.pdf");
        attachment["contentType"]!.GetValue<string>().ShouldBe("application/pdf");
        attachment["store"]!.GetValue<string>().ShouldBe("local");
        created.Headers.Location!.ToString().ShouldBe($"/api/records/deal/{deal}/attachments/{id}");

        using var download = await _api.GetAsync($"/api/records/deal/{deal}/attachments/{id}/content");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentLength.ShouldBe(content.Length);
        download.Headers.ETag!.Tag.ShouldBe("\"" + attachment["sha256"]!.GetValue<string>() + "\"");
        download.Headers.AcceptRanges.ShouldContain("bytes");
        download.Content.Headers.GetValues("Content-Disposition").Single()
            .ShouldBe("attachment; filename=\"offer.pdf\"; filename*=UTF-8''offer.pdf");
        var list = await _api.GetJsonAsync($"/api/records/deal/{deal}/attachments");
        list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldBe([id]);
    }

    [Fact]
    public async Task MultipartUpload_ShouldKeepAUnicodeName_AndSendItAsFilenameStar()
    {
        var deal = await NewDealAsync(_api);
        var content = Encoding.UTF8.GetBytes("Счёт на оплату");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("ignored"), "comment");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=utf-8");
        form.Add(file, "file", "Счёт №1.txt");

        using var created = await _api.Client.PostAsync($"/api/records/deal/{deal}/attachments", form);

        var attachment = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        attachment["fileName"]!.GetValue<string>().ShouldBe("Счёт №1.txt");
        attachment["contentType"]!.GetValue<string>().ShouldBe("text/plain; charset=utf-8");
        using var download = await _api.GetAsync($"/api/records/deal/{deal}/attachments/{attachment["id"]}/content");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Счёт №1.txt");
        download.Content.Headers.GetValues("Content-Disposition").Single()
            .ShouldBe("attachment; filename=\"____ _1.txt\"; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82%20%E2%84%961.txt");
    }

    [Fact]
    public async Task MultipartUpload_ShouldAnswer400_WithoutAFilePart()
    {
        var deal = await NewDealAsync(_api);
        using var form = new MultipartFormDataContent { { new StringContent("just a field"), "comment" } };

        using var response = await _api.Client.PostAsync($"/api/records/deal/{deal}/attachments", form);

        await response.ShouldBeProblemAsync(400, "attachment.missing_file");
        (await _api.GetJsonAsync($"/api/records/deal/{deal}/attachments"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("items=0-5")]
    [InlineData("bytes=9-2")]
    [InlineData("bytes=abc")]
    public async Task RangeRequest_ShouldSendTheWholeFile_ForSeveralRangesOrAnInvalidOne(string range)
    {
        var deal = await NewDealAsync(_api);
        var content = Content(1000, seed: 5);
        var id = (await (await UploadRawAsync(_api, deal, content)).ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/records/deal/{deal}/attachments/{id}/content");
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await _api.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(content);
    }

    [Theory]
    [InlineData("bytes=2-5", 2, 4)]
    [InlineData("bytes=9990-", 9990, 10)]
    [InlineData("bytes=9995-20000", 9995, 5)]
    [InlineData("bytes=-3", 9997, 3)]
    public async Task RangeRequest_ShouldAnswer206WithTheBytesAndContentRange(string range, int offset, int length)
    {
        var deal = await NewDealAsync(_api);
        var content = Content(10_000, seed: 7);
        var id = (await (await UploadRawAsync(_api, deal, content)).ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/records/deal/{deal}/attachments/{id}/content");
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await _api.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(content.AsSpan(offset, length).ToArray());
        response.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes {offset}-{offset + length - 1}/10000");
    }

    [Fact]
    public async Task RangeRequest_ShouldAnswer416_OutsideTheContent_AndIgnoreTheRangeWhenIfRangeIsStale()
    {
        var deal = await NewDealAsync(_api);
        var content = Content(100);
        var id = (await (await UploadRawAsync(_api, deal, content)).ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var path = $"/api/records/deal/{deal}/attachments/{id}/content";
        using var outside = new HttpRequestMessage(HttpMethod.Get, path);
        outside.Headers.TryAddWithoutValidation("Range", "bytes=100-");
        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.TryAddWithoutValidation("Range", "bytes=0-9");
        stale.Headers.TryAddWithoutValidation("If-Range", "\"0000\"");

        using var unsatisfiable = await _api.Client.SendAsync(outside);
        using var whole = await _api.Client.SendAsync(stale);

        await unsatisfiable.ShouldBeProblemAsync(416, "attachment.range_not_satisfiable");
        unsatisfiable.Content.Headers.ContentRange!.ToString().ShouldBe("bytes */100");
        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await whole.Content.ReadAsByteArrayAsync()).ShouldBe(content);
    }

    [Fact]
    public async Task IfNoneMatch_ShouldAnswer304_WhenTheETagMatches()
    {
        var deal = await NewDealAsync(_api);
        var attachment = await (await UploadRawAsync(_api, deal, Content(50))).ShouldBeJsonAsync(HttpStatusCode.Created);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/records/deal/{deal}/attachments/{attachment["id"]}/content");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"other\", \"" + attachment["sha256"] + "\"");

        using var response = await _api.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Delete_ShouldRemoveTheMetadataAndTheContent()
    {
        var deal = await NewDealAsync(_api);
        var id = (await (await UploadRawAsync(_api, deal, Content(64))).ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var stored = Path.Combine(factory.LocalRoot, "attachments", "deal", Guid.Parse(deal).ToString("N"), Guid.Parse(id).ToString("N"));
        File.Exists(stored).ShouldBeTrue();

        using var deleted = await _api.Client.DeleteAsync($"/api/records/deal/{deal}/attachments/{id}");
        using var again = await _api.GetAsync($"/api/records/deal/{deal}/attachments/{id}");

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await again.ShouldBeProblemAsync(404, "attachment.not_found");
        File.Exists(stored).ShouldBeFalse();
        (await _api.GetJsonAsync($"/api/records/deal/{deal}/attachments"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_ShouldNeutralizePathTraversalAndControlCharacters_InTheFileName()
    {
        var deal = await NewDealAsync(_api);

        using var created = await UploadRawAsync(_api, deal, Content(10), fileName: "../../../etc/pass\u0001wd\u202E.txt\r\n");

        var attachment = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        attachment["fileName"]!.GetValue<string>().ShouldBe("passwd.txt");
        FilesServerFactory.FilesUnder(factory.LocalRoot).ShouldAllBe(f => f.StartsWith("attachments", StringComparison.Ordinal));
        File.Exists(Path.Combine(factory.Directory, "..", "..", "etc", "passwd.txt")).ShouldBeFalse();
    }

    [Fact]
    public async Task Upload_ShouldAnswer404_ForAMissingRecord_AndStoreNothing()
    {
        var before = FilesServerFactory.FilesUnder(factory.LocalRoot).Count;

        using var response = await UploadRawAsync(_api, Guid.NewGuid().ToString("D"), Content(10));

        await response.ShouldBeProblemAsync(404, "record.not_found");
        FilesServerFactory.FilesUnder(factory.LocalRoot).Count.ShouldBe(before);
    }

    [Fact]
    public async Task InterruptedUpload_ShouldLeaveNoMetadataAndNoPartialFile()
    {
        var deal = await NewDealAsync(_api);
        var body = new StreamContent(new FailingStream(Content(1_000_000), failAfter: 200_000));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");

        await Should.ThrowAsync<Exception>(() => _api.Client.PostAsync($"/api/records/deal/{deal}/attachments?fileName=a.pdf", body));

        (await _api.GetJsonAsync($"/api/records/deal/{deal}/attachments"))["items"]!.AsArray().ShouldBeEmpty();
        FilesServerFactory.FilesUnder(factory.LocalRoot)
            .ShouldNotContain(f => f.Contains(Guid.Parse(deal).ToString("N"), StringComparison.Ordinal) || f.StartsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_ShouldBeAudited_InTheRecordsHistory()
    {
        var deal = await NewDealAsync(_api);
        var attachment = await (await UploadRawAsync(_api, deal, Content(10))).ShouldBeJsonAsync(HttpStatusCode.Created);
        (await _api.Client.DeleteAsync($"/api/records/deal/{deal}/attachments/{attachment["id"]}")).Dispose();

        var history = await _api.GetJsonAsync($"/api/records/deal/{deal}/history");

        var operations = history["items"]!.AsArray().Select(i => i!["operation"]!.GetValue<string>()).ToList();
        operations.ShouldBe(["detach", "attach", "create"]);
        var change = history["items"]![1]!["changes"]![0]!;
        change["field"]!.GetValue<string>().ShouldBe("attachment");
        change["new"]!["sha256"]!.GetValue<string>().ShouldBe(attachment["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task Download_ShouldAnswer404_ForAnAttachmentOfAnotherRecord()
    {
        var deal = await NewDealAsync(_api);
        var other = await NewDealAsync(_api);
        var id = (await (await UploadRawAsync(_api, deal, Content(10))).ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        using var response = await _api.GetAsync($"/api/records/deal/{other}/attachments/{id}/content");

        await response.ShouldBeProblemAsync(404, "attachment.not_found");
    }

    /// <summary>A request body that breaks after some bytes, as a dropped connection does.</summary>
    private sealed class FailingStream(byte[] content, int failAfter) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= failAfter ? throw new IOException("connection dropped") : base.Read(buffer, offset, Math.Min(count, 8192));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= failAfter ? throw new IOException("connection dropped") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 8192)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
