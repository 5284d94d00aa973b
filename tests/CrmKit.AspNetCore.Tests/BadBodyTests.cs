using System.Net;
using System.Text;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests;

/// <summary>
/// Bad request bodies, one test each: the status, problem+json, the stable code, no internals, and nothing written.
/// </summary>
public sealed class BadBodyTests : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api;

    public BadBodyTests(CrmKitServerFactory factory)
    {
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public Task MalformedJson_ShouldReturn400() =>
        ShouldRefuseAsync("""{"name": "x",""", "application/json", 400, "request.malformed_json");

    [Fact]
    public Task TrailingGarbage_ShouldReturn400() =>
        ShouldRefuseAsync("""{"name": "x"} {"name": "y"}""", "application/json", 400, "request.malformed_json");

    [Fact]
    public Task EmptyBody_ShouldReturn400() => ShouldRefuseAsync("", "application/json", 400, "request.malformed_json");

    [Fact]
    public Task DuplicateMember_ShouldReturn400() =>
        ShouldRefuseAsync("""{"name": "x", "name": "y"}""", "application/json", 400, "request.malformed_json");

    [Fact]
    public Task InvalidUtf8_ShouldReturn400() =>
        ShouldRefuseAsync([.. "{\"name\": \""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8], "application/json", 400, "request.malformed_json");

    [Fact]
    public Task LoneSurrogateEscape_ShouldReturn400() =>
        ShouldRefuseAsync("""{"name": "\uD800"}""", "application/json", 400, "request.malformed_json");

    [Fact]
    public Task DeepNesting_ShouldReturn400()
    {
        var deep = "{\"name\": \"x\", \"note\": " + new string('[', 200) + new string(']', 200) + "}";
        return ShouldRefuseAsync(deep, "application/json", 400, "request.too_deep");
    }

    [Fact]
    public Task VeryDeepNesting_ShouldReturn400WithoutExhaustingTheServer()
    {
        var deep = new string('[', 500_000) + new string(']', 500_000);
        return ShouldRefuseAsync(deep, "application/json", 400, "request.too_deep");
    }

    [Fact]
    public async Task OversizedBody_ShouldReturn413()
    {
        var big = "{\"name\": \"x\", \"note\": \"" + new string('a', 1024 * 1024 + 10) + "\"}";
        var problem = await ShouldRefuseAsync(big, "application/json", 413, "request.too_large");
        problem["limit"]!.GetValue<long>().ShouldBe(1024 * 1024);
    }

    [Fact]
    public async Task OversizedChunkedBody_ShouldReturn413()
    {
        var entity = await _api.CreateWidgetAsync();
        var big = Encoding.UTF8.GetBytes("{\"name\": \"x\", \"note\": \"" + new string('a', 2 * 1024 * 1024) + "\"}");
        var content = new StreamContent(new NonSeekableStream(big));
        content.Headers.ContentType = new("application/json");

        using var response = await _api.Client.PostAsync($"/api/records/{entity}", content);

        await response.ShouldBeProblemAsync(413, "request.too_large");
        (await _api.CountAsync(entity)).ShouldBe(0);
    }

    [Fact]
    public Task TextPlain_ShouldReturn415() =>
        ShouldRefuseAsync("""{"name": "x"}""", "text/plain", 415, "request.unsupported_media_type");

    [Fact]
    public Task FormContent_ShouldReturn415() =>
        ShouldRefuseAsync("name=x", "application/x-www-form-urlencoded", 415, "request.unsupported_media_type");

    [Fact]
    public Task MissingContentType_ShouldReturn415() =>
        ShouldRefuseAsync("""{"name": "x"}""", null, 415, "request.unsupported_media_type");

    [Fact]
    public Task NonUtf8Charset_ShouldReturn415() =>
        ShouldRefuseAsync("""{"name": "x"}""", "application/json; charset=iso-8859-1", 415, "request.unsupported_media_type");

    [Fact]
    public Task NotAnObject_ShouldReturn400() =>
        ShouldRefuseAsync("42", "application/json", 400, "request.invalid_body");

    [Fact]
    public async Task ArrayOfNonObjects_ShouldReturn400NamingEachItem()
    {
        var problem = await ShouldRefuseAsync("""[{"name": "x"}, 5, "y"]""", "application/json", 400, "request.invalid_body");
        problem.Pointers().ShouldBe(["/1", "/2"]);
    }

    [Fact]
    public async Task WrongTypes_ShouldReturn422NamingEveryField()
    {
        var problem = await ShouldRefuseAsync(
            """{"name": 12, "score": "many", "amount": "1.5", "stage": "maybe", "due": "yesterday"}""",
            "application/json", 422, "validation.failed");
        problem.Pointers().ShouldBe(["/name", "/score", "/amount", "/stage", "/due"], ignoreOrder: true);
        problem["errors"]!.AsArray().ShouldAllBe(e => e!["message"]!.GetValue<string>().Length > 0);
    }

    [Fact]
    public async Task UnknownFields_ShouldReturn422NamingThem()
    {
        var problem = await ShouldRefuseAsync("""{"name": "x", "colour": "red", "size": 3}""", "application/json", 422, "validation.failed");
        problem.Pointers().ShouldBe(["/colour", "/size"], ignoreOrder: true);
        problem.ErrorCodes().ShouldAllBe(c => c == "field.unknown");
    }

    [Fact]
    public async Task ReadOnlySystemField_ShouldReturn422()
    {
        var problem = await ShouldRefuseAsync(
            """{"name": "x", "created_at": "2020-01-01T00:00:00Z"}""", "application/json", 422, "validation.failed");
        problem.ErrorCodes().ShouldContain("field.read_only");
    }

    [Fact]
    public async Task BulkCreateWithOneInvalidItem_ShouldWriteNothing()
    {
        var problem = await ShouldRefuseAsync(
            """[{"name": "ok 1"}, {"name": "ok 2"}, {"score": "bad"}, {"name": "ok 4"}]""",
            "application/json", 422, "validation.failed");
        problem.Pointers().ShouldAllBe(p => p.StartsWith("/2/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyArray_ShouldReturn400()
    {
        var problem = await ShouldRefuseAsync("[]", "application/json", 400, "request.invalid_body");
        problem.ErrorCodes().ShouldBe(["body.empty_array"]);
    }

    [Fact]
    public async Task InvalidPatchVersion_ShouldReturn400AndChangeNothing()
    {
        var entity = await _api.CreateWidgetAsync();
        var record = await _api.CreateRecordAsync(entity, """{"name": "v"}""");
        var path = $"/api/records/{entity}/{record["id"]}";

        using var response = await _api.PatchJsonAsync(path, """{"name": "changed", "version": "one"}""");

        await response.ShouldBeProblemAsync(400, "request.invalid_version");
        (await _api.GetJsonAsync(path))["name"]!.GetValue<string>().ShouldBe("v");
    }

    private Task<System.Text.Json.Nodes.JsonObject> ShouldRefuseAsync(string body, string? contentType, int status, string code) =>
        ShouldRefuseAsync(Encoding.UTF8.GetBytes(body), contentType, status, code);

    /// <summary>POSTs the body to a fresh widget entity and checks the problem and that no record was written.</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> ShouldRefuseAsync(byte[] body, string? contentType, int status, string code)
    {
        var entity = await _api.CreateWidgetAsync();
        await _api.CreateRecordAsync(entity, """{"name": "existing"}""");

        using var response = await _api.SendBytesAsync(HttpMethod.Post, $"/api/records/{entity}", body, contentType);

        var problem = await response.ShouldBeProblemAsync(status, code);
        (await _api.CountAsync(entity)).ShouldBe(1, "a refused request must write nothing");
        return problem;
    }

    /// <summary>A stream without a length, so the client sends the body chunked with no Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
