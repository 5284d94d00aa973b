using System.ComponentModel.DataAnnotations;

namespace CrmKit.Core.Files;

/// <summary>
/// Attachments and file stores (configuration section <c>CrmKit:Files</c>; docs/integrations/files.md).
/// </summary>
public sealed class FileStoreOptions
{
    /// <summary>The configuration section hosts bind these options from.</summary>
    public const string SectionName = "CrmKit:Files";

    /// <summary>The name of the built-in store on the local disk.</summary>
    public const string LocalStoreName = "local";

    /// <summary>
    /// The store new attachments go to: <c>local</c> (the default, built in), or the name a plugin registered
    /// (<c>s3</c>, <c>webdav</c>). Files already stored elsewhere are read from where they are until
    /// <c>crmkit files migrate</c> moves them.
    /// </summary>
    [Required]
    public string Store { get; set; } = LocalStoreName;

    /// <summary>The largest attachment, in bytes (default 100 MiB). A larger upload is refused with 413.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// The media types an attachment may have: exact (<c>application/pdf</c>) or a whole type (<c>image/*</c>). Empty
    /// (the default) allows any. Others are refused with 415.
    /// </summary>
    public IList<string> AllowedContentTypes { get; } = [];

    /// <summary>
    /// The folder of the <c>local</c> store; default <c>crmkit-files</c> in the working directory. Relative paths are
    /// resolved against the working directory.
    /// </summary>
    public string LocalRoot { get; set; } = "crmkit-files";

    /// <summary>How many attachments a migration between stores reads per page (default 100).</summary>
    [Range(1, 10_000)]
    public int MigrationBatchSize { get; set; } = 100;
}
