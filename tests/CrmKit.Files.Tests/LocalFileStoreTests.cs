using CrmKit.Core.Files;
using CrmKit.Sdk.Files;

namespace CrmKit.Files.Tests;

/// <summary>The built-in local store: the conformance suite, plus what only a folder can show.</summary>
public sealed class LocalFileStoreTests : FileStoreConformanceTests, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("crmkit-local-store-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    protected override IFileStore CreateStore() => new LocalFileStore(Path.Combine(_root, "store"));

    protected override IFileStore CreateUnreachableStore()
    {
        var blocker = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(blocker, "x");
        return new LocalFileStore(Path.Combine(blocker, "store"));
    }

    [Fact]
    public async Task FailedPut_ShouldLeaveNoPartialFileInTheFolder()
    {
        var store = (LocalFileStore)CreateStore();

        await Should.ThrowAsync<IOException>(() => store.PutAsync(
            new FilePutRequest { Key = NewKey(), Content = new FailingStream(Content(500_000), 300_000) }, Ct));

        Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_ShouldKeepEveryFileInsideTheRoot()
    {
        var store = (LocalFileStore)CreateStore();
        var key = NewKey();

        await store.PutAsync(new FilePutRequest { Key = key, Content = new MemoryStream([1, 2, 3]) }, Ct);

        File.Exists(Path.Combine(store.Root, key)).ShouldBeTrue();
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).ShouldAllBe(f => f.StartsWith(store.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }
}
