namespace CrmKit.Core.Files;

/// <summary>The stable error codes of attachments and file stores (docs/integrations/files.md).</summary>
public static class AttachmentErrors
{
    /// <summary>The file is larger than <see cref="FileStoreOptions.MaxFileBytes"/> (HTTP 413).</summary>
    public const string TooLarge = "attachment.too_large";

    /// <summary>The media type is not in <see cref="FileStoreOptions.AllowedContentTypes"/> (HTTP 415).</summary>
    public const string TypeNotAllowed = "attachment.type_not_allowed";

    /// <summary>The media type is not a valid <c>type/subtype</c> (HTTP 400).</summary>
    public const string InvalidContentType = "attachment.invalid_content_type";

    /// <summary>The record has no attachment with that id (HTTP 404).</summary>
    public const string NotFound = "attachment.not_found";

    /// <summary>The metadata exists but the store has no content under its key (HTTP 404).</summary>
    public const string ContentMissing = "attachment.content_missing";

    /// <summary>No file store is registered under the name asked for (HTTP 400).</summary>
    public const string StoreNotFound = "file_store.not_found";

    /// <summary>A migration between stores is already running (HTTP 409).</summary>
    public const string MigrationRunning = "file_migration.running";

    /// <summary>No migration between stores has run since the server started (HTTP 404).</summary>
    public const string MigrationNotFound = "file_migration.not_found";
}
