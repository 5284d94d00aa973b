using System.Security.Cryptography;

namespace CrmKit.Benchmarks.Files;

/// <summary>
/// A request body of a given length, generated as it is read (a repeating 1 MiB block of random bytes with the block
/// number stamped in, so that no two blocks are equal), hashing what it hands out. Nothing is held but the block.
/// </summary>
internal sealed class GeneratedContentStream : Stream
{
    private const int BlockSize = 1024 * 1024;
    private readonly byte[] _block = new byte[BlockSize];
    private readonly long _length;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;

    public GeneratedContentStream(long length, int seed)
    {
        _length = length;
        new Random(seed).NextBytes(_block);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    private string? _sha256;

    /// <summary>The SHA-256 of the content, once it was read to its end (HttpClient disposes the stream when sent).</summary>
    public string Sha256() => _sha256 ?? throw new InvalidOperationException("The content was not read to its end.");

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var remaining = _length - _position;
        if (remaining <= 0)
        {
            return 0;
        }

        var inBlock = (int)(_position % BlockSize);
        if (inBlock == 0)
        {
            BitConverter.TryWriteBytes(_block, _position / BlockSize);
        }

        var count = (int)Math.Min(Math.Min(buffer.Length, BlockSize - inBlock), remaining);
        _block.AsSpan(inBlock, count).CopyTo(buffer);
        _hash.AppendData(buffer[..count]);
        _position += count;
        if (_position == _length)
        {
            _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
