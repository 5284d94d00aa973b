namespace CrmKit.Sdk.Files;

/// <summary>A byte range of stored content: a start offset and, optionally, a length.</summary>
public sealed record FileRange
{
    /// <summary>Creates a range.</summary>
    /// <param name="offset">The zero-based offset of the first byte.</param>
    /// <param name="length">The number of bytes; null for everything from <paramref name="offset"/> to the end.</param>
    public FileRange(long offset, long? length = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } count)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count, nameof(length));
        }

        Offset = offset;
        Length = length;
    }

    /// <summary>The zero-based offset of the first byte.</summary>
    public long Offset { get; }

    /// <summary>The number of bytes; null for everything from <see cref="Offset"/> to the end.</summary>
    public long? Length { get; }

    /// <summary>Creates the range of the last bytes of content (an HTTP suffix range such as <c>bytes=-500</c>).</summary>
    /// <param name="count">How many bytes at the end.</param>
    /// <param name="totalLength">The content length.</param>
    /// <returns>The range, or null when the content is empty.</returns>
    public static FileRange? Last(long count, long totalLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(totalLength);
        if (totalLength == 0)
        {
            return null;
        }

        var length = Math.Min(count, totalLength);
        return new FileRange(totalLength - length, length);
    }

    /// <summary>
    /// Fits the range to content of a given length: a range that runs past the end is cut at the end.
    /// </summary>
    /// <param name="totalLength">The content length.</param>
    /// <returns>A range with an exact length, or null when the range starts at or past the end (HTTP 416).</returns>
    public FileRange? Clamp(long totalLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalLength);
        if (Offset >= totalLength)
        {
            return null;
        }

        var available = totalLength - Offset;
        return new FileRange(Offset, Length is { } length ? Math.Min(length, available) : available);
    }

    /// <inheritdoc />
    public override string ToString() => Length is { } length ? $"bytes {Offset}-{Offset + length - 1}" : $"bytes {Offset}-";
}
