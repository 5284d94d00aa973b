using System.Security.Cryptography;

namespace CrmKit.Plugins.WebDav;

/// <summary>
/// Reads through to the content being uploaded, computing its length and SHA-256 as HttpClient pulls it, and keeps the
/// exception the content itself threw (a dropped client), so that it is told apart from a failure of the server.
/// </summary>
internal sealed class HashingReadStream(Stream inner, IncrementalHash hash) : Stream
{
    // The hash belongs to the caller: HttpClient disposes the content stream once it is sent, before the hash is read.
    private readonly IncrementalHash _hash = hash;

    public long BytesRead { get; private set; }

    public Exception? SourceFailure { get; private set; }

    /// <summary>Whether the content was read to its end.</summary>
    public bool EndOfContent { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Count(buffer, inner.Read(buffer));
        }
        catch (Exception e)
        {
            SourceFailure ??= e;
            throw;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            return Count(buffer.Span, read);
        }
        catch (Exception e)
        {
            SourceFailure ??= e;
            throw;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(ReadOnlySpan<byte> buffer, int read)
    {
        if (read == 0 && buffer.Length > 0)
        {
            EndOfContent = true;
        }

        _hash.AppendData(buffer[..read]);
        BytesRead += read;
        return read;
    }
}
