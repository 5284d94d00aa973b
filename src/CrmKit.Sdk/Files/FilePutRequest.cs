namespace CrmKit.Sdk.Files;

/// <summary>What to store. New members may be added; stores take this one argument so they keep working.</summary>
public sealed class FilePutRequest
{
    /// <summary>The key to store under; see <see cref="FileStoreKeys.IsValid"/>.</summary>
    public required string Key { get; init; }

    /// <summary>The content, read once from its current position to its end; the caller owns and disposes it.</summary>
    public required Stream Content { get; init; }

    /// <summary>The media type, for example <c>application/pdf</c>.</summary>
    public string ContentType { get; init; } = "application/octet-stream";

    /// <summary>
    /// The content length in bytes, when the caller knows it; stores that must declare a length up front use it, others
    /// may ignore it. A stream that turns out longer or shorter fails the put.
    /// </summary>
    public long? Length { get; init; }
}
