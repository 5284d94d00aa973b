using CrmKit.Sdk.Files;

namespace CrmKit.Core.Files;

/// <summary>
/// The built-in file store on the local disk (the default, named <c>local</c>): one file per key under a root folder.
/// A put writes a temporary file under <c>.partial/</c> and renames it over the key when the content is complete, so
/// a failed or cancelled put leaves nothing under the key.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private const string PartialFolder = ".partial";
    private readonly string _root;

    /// <summary>Creates the store.</summary>
    /// <param name="root">The root folder; created on first write.</param>
    public LocalFileStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
    }

    /// <summary>The full path of the root folder.</summary>
    public string Root => _root;

    /// <inheritdoc />
    public async Task<StoredFileInfo> PutAsync(FilePutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = PathOf(request.Key);
        string partial;
        try
        {
            Directory.CreateDirectory(Path.Combine(_root, PartialFolder));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            partial = Path.Combine(_root, PartialFolder, Guid.NewGuid().ToString("N"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }

        try
        {
            long length;
            string sha256;
            await using (var target = OpenPartial(partial))
            {
                (length, sha256) = await StreamingSha256.CopyAsync(request.Content, target, Unavailable, cancellationToken);
                await target.FlushAsync(cancellationToken);
            }

            if (request.Length is { } expected && expected != length)
            {
                throw new InvalidDataException($"The content is {length} bytes long, not the {expected} declared.");
            }

            try
            {
                File.Move(partial, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Unavailable(e);
            }

            return new StoredFileInfo { Key = request.Key, Length = length, Sha256 = sha256, ContentType = request.ContentType };
        }
        finally
        {
            TryDelete(partial);
        }
    }

    private static FileStream OpenPartial(string partial)
    {
        try
        {
            return new FileStream(partial, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = 0,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }
    }

    /// <inheritdoc />
    public Task<FileReadResult?> OpenReadAsync(string key, FileRange? range, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        FileStream stream;
        try
        {
            stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = 0,
            });
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<FileReadResult?>(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }

        var total = stream.Length;
        if (range is null)
        {
            return Task.FromResult<FileReadResult?>(new FileReadResult(stream, total));
        }

        var fitted = range.Clamp(total);
        if (fitted is null)
        {
            stream.Dispose();
            throw new ArgumentOutOfRangeException(nameof(range), range, $"The content is {total} bytes long.");
        }

        stream.Seek(fitted.Offset, SeekOrigin.Begin);
        return Task.FromResult<FileReadResult?>(new FileReadResult(new BoundedReadStream(stream, fitted.Length!.Value), total, fitted));
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            if (!File.Exists(path))
            {
                return Task.FromResult(false);
            }

            File.Delete(path);
            return Task.FromResult(true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }
    }

    /// <summary>
    /// The full path of a key. The root folder is created when missing; when it cannot be (a disk not mounted, a path
    /// through a file, no permission) the store is unavailable, not empty.
    /// </summary>
    private string PathOf(string key)
    {
        FileStoreKeys.ThrowIfInvalid(key);
        try
        {
            Directory.CreateDirectory(_root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }

        var path = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a valid file-store key.", nameof(key));
        }

        return path;
    }

    private static FileStoreUnavailableException Unavailable(Exception inner) => new(FileStoreOptions.LocalStoreName, inner);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover partial file is never read (it is not under a key).
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
