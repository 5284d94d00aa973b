namespace CrmKit.Sdk.Files;

/// <summary>What a file store holds under a key after a put.</summary>
public sealed class StoredFileInfo
{
    /// <summary>The key.</summary>
    public required string Key { get; init; }

    /// <summary>The content length in bytes.</summary>
    public required long Length { get; init; }

    /// <summary>The SHA-256 of the content, as 64 lower-case hexadecimal digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The media type.</summary>
    public required string ContentType { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Key} ({Length} bytes, sha256 {Sha256})";
}
