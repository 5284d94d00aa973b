using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Files;

/// <summary>
/// The file store cannot be reached (a disk, an S3 or WebDAV server is down or refuses the credentials). The REST API
/// answers 503 with the code <see cref="ErrorCode"/>, and the record the file belongs to stays untouched.
/// </summary>
public sealed class FileStoreUnavailableException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "file_store.unavailable";

    private static readonly LocalizedText DefaultTitle =
        LocalizedText.Of("The file store is unavailable. Try again later.", "Хранилище файлов недоступно. Повторите попытку позже.");

    /// <summary>Creates the exception.</summary>
    public FileStoreUnavailableException()
        : this(null, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="store">The name of the store, for logs; it is not shown to clients.</param>
    /// <param name="innerException">The cause; it is logged, never shown to clients.</param>
    public FileStoreUnavailableException(string? store, Exception? innerException = null)
        : base(CrmErrorKind.Unavailable, ErrorCode, DefaultTitle, null, innerException)
    {
        Store = store;
    }

    /// <summary>The name of the store that failed, if known.</summary>
    public string? Store { get; }
}
