namespace CrmKit.Core.Files;

/// <summary>A file to attach to a record.</summary>
public sealed class AttachmentUpload
{
    /// <summary>The file name the client sent; it is neutralized (<see cref="FileNames.Neutralize"/>) before it is stored.</summary>
    public string? FileName { get; init; }

    /// <summary>The media type; null or empty for <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The content, read once to its end and streamed to the store; the caller owns it.</summary>
    public required Stream Content { get; init; }

    /// <summary>The content length, when the client declared it (a larger one is refused before any byte is read).</summary>
    public long? Length { get; init; }
}
