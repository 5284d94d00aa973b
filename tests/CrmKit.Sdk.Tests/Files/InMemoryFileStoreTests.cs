using System.Text;
using CrmKit.Sdk.Files;
using CrmKit.Sdk.Tests.Fakes;

namespace CrmKit.Sdk.Tests.Files;

/// <summary>Walks the file-store contract through the in-memory fake that plugin authors can copy.</summary>
public class InMemoryFileStoreTests
{
    private readonly InMemoryFileStore _store = new("memory");

    [Fact]
    public async Task PutAsync_ShouldReportLengthAndSha256()
    {
        var info = await _store.PutAsync(
            new FilePutRequest { Key = "a/b", Content = new MemoryStream("abc"u8.ToArray()), ContentType = "text/plain" },
            CancellationToken.None);

        info.Length.ShouldBe(3);
        info.Sha256.ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        info.ContentType.ShouldBe("text/plain");
    }

    [Fact]
    public async Task OpenReadAsync_ShouldReturnRange()
    {
        await _store.PutAsync(new FilePutRequest { Key = "doc", Content = new MemoryStream("0123456789"u8.ToArray()) }, CancellationToken.None);

        await using var result = await _store.OpenReadAsync("doc", new FileRange(7, 100), CancellationToken.None);

        result.ShouldNotBeNull();
        result.TotalLength.ShouldBe(10);
        result.Range.ShouldBe(new FileRange(7, 3));
        using var reader = new StreamReader(result.Content, Encoding.ASCII);
        (await reader.ReadToEndAsync()).ShouldBe("789");
    }

    [Fact]
    public async Task OpenReadAsync_ShouldReturnNull_WhenMissing()
    {
        (await _store.OpenReadAsync("nothing", null, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task DeleteAsync_ShouldTellWhetherSomethingWasDeleted()
    {
        await _store.PutAsync(new FilePutRequest { Key = "doc", Content = new MemoryStream([1]) }, CancellationToken.None);

        (await _store.DeleteAsync("doc", CancellationToken.None)).ShouldBeTrue();
        (await _store.DeleteAsync("doc", CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task PutAsync_ShouldRefuse_PathTraversalKey()
    {
        await Should.ThrowAsync<ArgumentException>(() =>
            _store.PutAsync(new FilePutRequest { Key = "../../etc/passwd", Content = new MemoryStream([1]) }, CancellationToken.None));
    }
}
