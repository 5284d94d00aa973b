namespace CrmKit.Core.Files;

/// <summary>
/// A read-only view of a stream that fails with <see cref="InvalidDataException"/> once more than a limit has been
/// read, whatever the source allows (an upload, a request body without Content-Length, a server that cannot change its
/// limit after reading began); <see cref="Exceeded"/> then tells that failure from others.
/// </summary>
/// <param name="inner">The stream read through.</param>
/// <param name="limit">The most bytes that may be read.</param>
public sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    /// <summary>Whether the content turned out larger than the limit.</summary>
    public bool Exceeded { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            Exceeded = true;
            throw new InvalidDataException($"The content is larger than {limit} bytes.");
        }

        return read;
    }
}
