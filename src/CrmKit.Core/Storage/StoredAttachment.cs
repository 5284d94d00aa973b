namespace CrmKit.Core.Storage;

/// <summary>
/// The metadata of one file attached to a record (table <c>crm_attachments</c>). The content lives in the file store
/// named by <see cref="Store"/>, under <see cref="Key"/>.
/// </summary>
public sealed class StoredAttachment
{
    /// <summary>The attachment id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The entity of the record the file is attached to.</summary>
    public required string Entity { get; init; }

    /// <summary>The record the file is attached to.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>The file name shown to people (already neutralized: no path, no control characters).</summary>
    public required string FileName { get; init; }

    /// <summary>The media type.</summary>
    public required string ContentType { get; init; }

    /// <summary>The content length in bytes.</summary>
    public required long Length { get; init; }

    /// <summary>The SHA-256 of the content, as 64 lower-case hexadecimal digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The name of the file store that holds the content (<c>local</c>, <c>s3</c>, <c>webdav</c>...).</summary>
    public required string Store { get; init; }

    /// <summary>The key of the content in the store.</summary>
    public required string Key { get; init; }

    /// <summary>When the file was attached (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who attached the file.</summary>
    public required string CreatedBy { get; init; }
}
