using System.Security.Cryptography;
using CrmKit.Sdk.Files;

namespace CrmKit.Files.Tests;

/// <summary>
/// The behaviour every <see cref="IFileStore"/> must show (the SDK contract), run against each store: the built-in local
/// store, S3 (the real s3rver emulator) and WebDAV (real nginx with the DAV modules). A store's test class derives from
/// this one; the servers' tests report themselves skipped, with the reason, when their server is not configured.
/// </summary>
public abstract class FileStoreConformanceTests
{
    /// <summary>Larger than the S3 part size used in the tests (5 MiB), so that uploads go in several parts.</summary>
    protected const int LargeSize = 12 * 1024 * 1024 + 12345;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>A store over a fresh, empty area (a folder, a key prefix, a collection).</summary>
    protected abstract IFileStore CreateStore();

    /// <summary>A store of the same kind whose server cannot be reached.</summary>
    protected abstract IFileStore CreateUnreachableStore();

    protected static string NewKey(string name = "file.bin") => $"attachments/deal/{Guid.NewGuid():N}/{name}";

    protected static byte[] Content(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static async Task<byte[]> ReadAllAsync(FileReadResult result)
    {
        await using (result)
        {
            using var buffer = new MemoryStream();
            await result.Content.CopyToAsync(buffer);
            return buffer.ToArray();
        }
    }

    private static Task<StoredFileInfo> PutAsync(IFileStore store, string key, Stream content, string type = "application/pdf", long? length = null) =>
        store.PutAsync(new FilePutRequest { Key = key, Content = content, ContentType = type, Length = length }, Ct);

    [SkippableFact]
    public async Task Put_ShouldStoreTheContent_AndReturnItsLengthAndSha256()
    {
        var store = CreateStore();
        var key = NewKey();
        var content = Content(100_000);

        var info = await PutAsync(store, key, new MemoryStream(content), length: content.Length);

        info.Key.ShouldBe(key);
        info.Length.ShouldBe(content.Length);
        info.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        info.ContentType.ShouldBe("application/pdf");
        var read = await store.OpenReadAsync(key, null, Ct);
        read.ShouldNotBeNull();
        read.TotalLength.ShouldBe(content.Length);
        read.Range.ShouldBeNull();
        (await ReadAllAsync(read)).ShouldBe(content);
    }

    [SkippableFact]
    public async Task Put_ShouldStreamLargeContentOfUnknownLength()
    {
        var store = CreateStore();
        var key = NewKey();
        var content = Content(LargeSize, seed: 3);

        var info = await PutAsync(store, key, new NonSeekableStream(content));

        info.Length.ShouldBe(content.Length);
        info.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        var read = await store.OpenReadAsync(key, null, Ct);
        Convert.ToHexStringLower(SHA256.HashData(await ReadAllAsync(read!))).ShouldBe(info.Sha256);
    }

    [SkippableFact]
    public async Task Put_ShouldStoreEmptyContent()
    {
        var store = CreateStore();
        var key = NewKey();

        var info = await PutAsync(store, key, new MemoryStream());

        info.Length.ShouldBe(0);
        info.Sha256.ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        var read = await store.OpenReadAsync(key, null, Ct);
        read.ShouldNotBeNull();
        (await ReadAllAsync(read)).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Put_ShouldReplaceWhatWasUnderTheKey()
    {
        var store = CreateStore();
        var key = NewKey();
        await PutAsync(store, key, new MemoryStream(Content(5000, 1)));
        var second = Content(300, 2);

        await PutAsync(store, key, new MemoryStream(second));

        (await ReadAllAsync((await store.OpenReadAsync(key, null, Ct))!)).ShouldBe(second);
    }

    [SkippableTheory]
    [InlineData(0L, 10L, 0L, 10L)]
    [InlineData(995L, 10L, 995L, 5L)]
    [InlineData(500L, null, 500L, 500L)]
    [InlineData(999L, 1L, 999L, 1L)]
    public async Task OpenRead_ShouldReturnARange_CutAtTheEnd(long offset, long? length, long expectedOffset, long expectedLength)
    {
        var store = CreateStore();
        var key = NewKey();
        var content = Content(1000);
        await PutAsync(store, key, new MemoryStream(content));

        var read = await store.OpenReadAsync(key, new FileRange(offset, length), Ct);

        read.ShouldNotBeNull();
        read.TotalLength.ShouldBe(1000);
        read.Range.ShouldBe(new FileRange(expectedOffset, expectedLength));
        read.ContentLength.ShouldBe(expectedLength);
        (await ReadAllAsync(read)).ShouldBe(content.AsSpan((int)expectedOffset, (int)expectedLength).ToArray());
    }

    [SkippableFact]
    public async Task OpenRead_ShouldRefuseARangeStartingAtTheEnd()
    {
        var store = CreateStore();
        var key = NewKey();
        await PutAsync(store, key, new MemoryStream(Content(100)));

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => store.OpenReadAsync(key, new FileRange(100), Ct));
    }

    [SkippableFact]
    public async Task MissingKey_ShouldReadAsNull_AndDeleteAsFalse()
    {
        var store = CreateStore();
        var key = NewKey();

        (await store.OpenReadAsync(key, null, Ct)).ShouldBeNull();
        (await store.DeleteAsync(key, Ct)).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task Delete_ShouldRemoveTheContent()
    {
        var store = CreateStore();
        var key = NewKey();
        await PutAsync(store, key, new MemoryStream(Content(10)));

        (await store.DeleteAsync(key, Ct)).ShouldBeTrue();

        (await store.OpenReadAsync(key, null, Ct)).ShouldBeNull();
        (await store.DeleteAsync(key, Ct)).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task FailedPut_ShouldLeaveNothingUnderANewKey_AndKeepWhatWasUnderAnOldOne()
    {
        var store = CreateStore();
        var fresh = NewKey();
        var existing = NewKey();
        var old = Content(100, 9);
        await PutAsync(store, existing, new MemoryStream(old));

        await Should.ThrowAsync<IOException>(() => PutAsync(store, fresh, new FailingStream(Content(LargeSize), LargeSize - 100_000)));
        await Should.ThrowAsync<IOException>(() => PutAsync(store, existing, new FailingStream(Content(300_000), 200_000)));

        (await store.OpenReadAsync(fresh, null, Ct)).ShouldBeNull();
        (await ReadAllAsync((await store.OpenReadAsync(existing, null, Ct))!)).ShouldBe(old);
    }

    [SkippableFact]
    public async Task CancelledPut_ShouldLeaveNothing()
    {
        var store = CreateStore();
        var key = NewKey();
        using var cancellation = new CancellationTokenSource();
        var content = new CancellingStream(Content(300_000), 100_000, cancellation);

        await Should.ThrowAsync<OperationCanceledException>(() =>
            store.PutAsync(new FilePutRequest { Key = key, Content = content }, cancellation.Token));

        (await store.OpenReadAsync(key, null, Ct)).ShouldBeNull();
    }

    [SkippableFact]
    public async Task Put_ShouldFail_WhenTheContentIsNotTheDeclaredLength_AndStoreNothing()
    {
        var store = CreateStore();
        var shorter = NewKey();
        var longer = NewKey();

        await Should.ThrowAsync<InvalidDataException>(() => PutAsync(store, shorter, new NonSeekableStream(Content(100)), length: 101));
        await Should.ThrowAsync<InvalidDataException>(() => PutAsync(store, longer, new NonSeekableStream(Content(100)), length: 99));

        (await store.OpenReadAsync(shorter, null, Ct)).ShouldBeNull();
        (await store.OpenReadAsync(longer, null, Ct)).ShouldBeNull();
    }

    [SkippableTheory]
    [InlineData("../escape")]
    [InlineData("a/../../b")]
    [InlineData("/absolute")]
    [InlineData("a//b")]
    [InlineData("name with space")]
    [InlineData("%2e%2e/x")]
    public async Task InvalidKey_ShouldBeRefused(string key)
    {
        var store = CreateStore();

        await Should.ThrowAsync<ArgumentException>(() => PutAsync(store, key, new MemoryStream([1])));
        await Should.ThrowAsync<ArgumentException>(() => store.OpenReadAsync(key, null, Ct));
        await Should.ThrowAsync<ArgumentException>(() => store.DeleteAsync(key, Ct));
    }

    [SkippableFact]
    public async Task UnreachableStore_ShouldThrowFileStoreUnavailable()
    {
        var store = CreateUnreachableStore();
        var key = NewKey();

        await Should.ThrowAsync<FileStoreUnavailableException>(() => PutAsync(store, key, new MemoryStream(Content(10))));
        await Should.ThrowAsync<FileStoreUnavailableException>(() => store.OpenReadAsync(key, null, Ct));
        await Should.ThrowAsync<FileStoreUnavailableException>(() => store.DeleteAsync(key, Ct));
    }

    [SkippableFact]
    public async Task ConcurrentPuts_ShouldEachStoreTheirOwnContent()
    {
        var store = CreateStore();
        var items = Enumerable.Range(0, 8).Select(i => (Key: NewKey($"f{i}.bin"), Content: Content(50_000 + i, i))).ToList();

        await Task.WhenAll(items.Select(i => PutAsync(store, i.Key, new MemoryStream(i.Content))));

        foreach (var (key, content) in items)
        {
            (await ReadAllAsync((await store.OpenReadAsync(key, null, Ct))!)).ShouldBe(content);
        }
    }

    /// <summary>Content whose length is not known up front.</summary>
    protected sealed class NonSeekableStream(byte[] content) : ScriptedStream(content, int.MaxValue, () => { });

    /// <summary>Content that breaks after some bytes, as a dropped client connection does.</summary>
    protected sealed class FailingStream(byte[] content, int failAfter)
        : ScriptedStream(content, failAfter, () => throw new IOException("connection dropped"));

    /// <summary>Content that cancels the operation after some bytes.</summary>
    protected sealed class CancellingStream(byte[] content, int cancelAfter, CancellationTokenSource cancellation)
        : ScriptedStream(content, cancelAfter, () =>
        {
            cancellation.Cancel();
            cancellation.Token.ThrowIfCancellationRequested();
        });

    /// <summary>A read-only, non-seekable stream over bytes that runs an action once a position is reached.</summary>
    protected abstract class ScriptedStream(byte[] content, int trigger, Action atTrigger) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= trigger)
            {
                atTrigger();
            }

            var count = Math.Min(Math.Min(buffer.Length, 16384), content.Length - _position);
            content.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
