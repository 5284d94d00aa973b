using CrmKit.Plugins.WebDav;
using CrmKit.Sdk.Files;

namespace CrmKit.Files.Tests;

/// <summary>
/// The WebDAV store against a real server: test.sh starts nginx with the DAV modules and sets
/// <c>CRMKIT_TEST_WEBDAV</c> to its address. Each test works in a collection of its own.
/// </summary>
public sealed class WebDavFileStoreTests : FileStoreConformanceTests, IDisposable
{
    public const string Variable = "CRMKIT_TEST_WEBDAV";
    private readonly List<IDisposable> _stores = [];

    public static Uri? BaseUrl(string collection)
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(text) ? null : new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), collection);
    }

    public void Dispose() => _stores.ForEach(s => s.Dispose());

    protected override IFileStore CreateStore()
    {
        var url = BaseUrl($"t{Guid.NewGuid():N}/");
        Skip.If(url is null, $"{Variable} is not set: no WebDAV server to test against (test.sh starts nginx-dav and sets it).");
        return Track(new WebDavFileStore(new WebDavStoreOptions { BaseUrl = url }));
    }

    protected override IFileStore CreateUnreachableStore()
    {
        Skip.If(BaseUrl("x/") is null, $"{Variable} is not set: no WebDAV server to test against (test.sh starts nginx-dav and sets it).");
        return Track(new WebDavFileStore(new WebDavStoreOptions
        {
            BaseUrl = new Uri($"http://127.0.0.1:{ClosedPort.Get()}/files/"),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        }));
    }

    [SkippableFact]
    public async Task Put_ShouldCreateTheMissingCollections_AndLeaveNoTemporaryFile()
    {
        var url = BaseUrl($"t{Guid.NewGuid():N}/");
        Skip.If(url is null, $"{Variable} is not set.");
        var store = Track(new WebDavFileStore(new WebDavStoreOptions { BaseUrl = url }));
        var key = "a/b/c/d/file.txt";

        await store.PutAsync(new FilePutRequest { Key = key, Content = new MemoryStream([1, 2, 3]) }, Ct);

        using var http = new HttpClient();
        using var listing = new HttpRequestMessage(new HttpMethod("PROPFIND"), new Uri(url, "a/b/c/d/"));
        listing.Headers.Add("Depth", "1");
        using var response = await http.SendAsync(listing);
        var xml = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(207);
        xml.ShouldContain("file.txt");
        xml.ShouldNotContain(".partial");
    }

    [SkippableFact]
    public async Task FailedPut_ShouldDeleteItsTemporaryFile()
    {
        var url = BaseUrl($"t{Guid.NewGuid():N}/");
        Skip.If(url is null, $"{Variable} is not set.");
        var store = Track(new WebDavFileStore(new WebDavStoreOptions { BaseUrl = url }));

        await Should.ThrowAsync<IOException>(() => store.PutAsync(
            new FilePutRequest { Key = "dir/file.bin", Content = new FailingStream(Content(400_000), 200_000) }, Ct));

        using var http = new HttpClient();
        using var listing = new HttpRequestMessage(new HttpMethod("PROPFIND"), new Uri(url, "dir/"));
        listing.Headers.Add("Depth", "1");
        using var response = await http.SendAsync(listing);
        var xml = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(207);
        xml.ShouldNotContain("file.bin");
    }

    private WebDavFileStore Track(WebDavFileStore store)
    {
        _stores.Add(store);
        return store;
    }
}
