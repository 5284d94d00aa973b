namespace CrmKit.Sdk.Files;

/// <summary>Stored content opened for reading. Dispose it to release the stream (a file handle, a connection).</summary>
public sealed class FileReadResult : IDisposable, IAsyncDisposable
{
    /// <summary>Creates a result.</summary>
    /// <param name="content">The content: the whole of it, or only the bytes of <paramref name="range"/>.</param>
    /// <param name="totalLength">The length of the whole stored content, in bytes.</param>
    /// <param name="range">The bytes <paramref name="content"/> holds, with an exact length; null when it holds all.</param>
    public FileReadResult(Stream content, long totalLength, FileRange? range = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(totalLength);
        if (range is not null && (range.Length is null || range.Offset + range.Length > totalLength))
        {
            throw new ArgumentException("The range must have a length and lie within the content.", nameof(range));
        }

        Content = content;
        TotalLength = totalLength;
        Range = range;
    }

    /// <summary>The content: the whole of it, or only the bytes of <see cref="Range"/>.</summary>
    public Stream Content { get; }

    /// <summary>The length of the whole stored content, in bytes.</summary>
    public long TotalLength { get; }

    /// <summary>The bytes <see cref="Content"/> holds; null when it holds all of them.</summary>
    public FileRange? Range { get; }

    /// <summary>The number of bytes <see cref="Content"/> holds.</summary>
    public long ContentLength => Range?.Length ?? TotalLength;

    /// <summary>The media type, when the store keeps it; the host otherwise uses the one in its metadata.</summary>
    public string? ContentType { get; init; }

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
