using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CrmKit.Sdk.Files;
using CrmKit.Sdk.Xml;

namespace CrmKit.Plugins.WebDav;

/// <summary>
/// A file store on a WebDAV server, over HttpClient. A put creates the missing parent collections (MKCOL), streams the
/// content to a temporary name (PUT, its SHA-256 computed on the way) and renames it over the key (MOVE), so a failed
/// or cancelled put leaves nothing under the key. Reads ask the length with PROPFIND and fetch the bytes with a ranged
/// GET.
/// </summary>
public sealed class WebDavFileStore : IFileStore, IDisposable
{
    /// <summary>The store's name in configuration.</summary>
    public const string StoreName = "webdav";

    private static readonly HttpMethod Propfind = new("PROPFIND");
    private static readonly HttpMethod Mkcol = new("MKCOL");
    private static readonly HttpMethod Move = new("MOVE");
    private static readonly XNamespace Dav = "DAV:";
    private const string PropfindBody =
        """<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:getcontentlength/><D:resourcetype/></D:prop></D:propfind>""";

    private readonly WebDavStoreOptions _options;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, bool> _collections = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    /// <param name="options">Where the server is.</param>
    public WebDavFileStore(WebDavStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
        })
        {
            BaseAddress = options.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (options.UserName is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.UserName + ":" + options.Password));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
    }

    /// <inheritdoc />
    public async Task<StoredFileInfo> PutAsync(FilePutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        FileStoreKeys.ThrowIfInvalid(request.Key, nameof(request));
        var slash = request.Key.LastIndexOf('/');
        var parent = slash < 0 ? "" : request.Key[..(slash + 1)];
        await EnsureCollectionsAsync(parent, cancellationToken);

        var temporary = new Uri(_options.BaseUrl, $"{parent}.{request.Key[(slash + 1)..]}.{Guid.NewGuid():N}.partial");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = new HashingReadStream(request.Content, hash);
        using var content = new StreamContent(hashing, 81920);
        content.Headers.ContentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            ? mediaType
            : new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = request.Length;
        try
        {
            using (var put = new HttpRequestMessage(HttpMethod.Put, temporary) { Content = content })
            using (var response = await SendAsync(put, hashing, request.Length, cancellationToken))
            {
                EnsureSuccess(response, "PUT");
            }

            if (request.Length is { } expected && expected != hashing.BytesRead)
            {
                throw new InvalidDataException($"The content is {hashing.BytesRead} bytes long, not the {expected} declared.");
            }

            using var move = new HttpRequestMessage(Move, temporary);
            move.Headers.Add("Destination", new Uri(_options.BaseUrl, request.Key).AbsoluteUri);
            move.Headers.Add("Overwrite", "T");
            using (var moved = await SendAsync(move, null, null, cancellationToken))
            {
                EnsureSuccess(moved, "MOVE");
            }
        }
        catch (Exception)
        {
            await TryDeleteAsync(temporary);
            throw;
        }

        return new StoredFileInfo
        {
            Key = request.Key,
            Length = hashing.BytesRead,
            Sha256 = hashing.Sha256(),
            ContentType = request.ContentType,
        };
    }

    /// <inheritdoc />
    public async Task<FileReadResult?> OpenReadAsync(string key, FileRange? range, CancellationToken cancellationToken)
    {
        FileStoreKeys.ThrowIfInvalid(key);
        var total = await LengthAsync(key, cancellationToken);
        if (total is not { } length)
        {
            return null;
        }

        FileRange? fitted = null;
        if (range is not null)
        {
            fitted = range.Clamp(length) ?? throw new ArgumentOutOfRangeException(nameof(range), range, $"The content is {length} bytes long.");
        }

        var get = new HttpRequestMessage(HttpMethod.Get, key);
        if (fitted is not null)
        {
            get.Headers.Range = new RangeHeaderValue(fitted.Offset, fitted.Offset + fitted.Length!.Value - 1);
        }

        HttpResponseMessage response;
        try
        {
            response = await SendAsync(get, null, null, cancellationToken);
        }
        finally
        {
            get.Dispose();
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        try
        {
            EnsureSuccess(response, "GET");
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var stream = new ResponseStream(response, body);
            if (fitted is not null && response.StatusCode == HttpStatusCode.OK)
            {
                // The server ignored the range: skip to the offset and stop after the length.
                await stream.SkipAsync(fitted.Offset, cancellationToken);
                stream.Limit(fitted.Length!.Value);
            }

            return new FileReadResult(stream, length, fitted) { ContentType = response.Content.Headers.ContentType?.ToString() };
        }
        catch (Exception)
        {
            response.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        FileStoreKeys.ThrowIfInvalid(key);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, key);
        using var response = await SendAsync(delete, null, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        EnsureSuccess(response, "DELETE");
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>The content length from PROPFIND (Depth 0); null when nothing (or a collection) is under the key.</summary>
    private async Task<long?> LengthAsync(string key, CancellationToken cancellationToken)
    {
        using var propfind = new HttpRequestMessage(Propfind, key)
        {
            Content = new StringContent(PropfindBody, Encoding.UTF8, "application/xml"),
        };
        propfind.Headers.Add("Depth", "0");
        using var response = await SendAsync(propfind, null, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response, "PROPFIND");
        XDocument document;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = SafeXml.CreateReader(body);
            document = XDocument.Load(reader);
        }
        catch (Exception e) when (e is System.Xml.XmlException or IOException or HttpRequestException)
        {
            throw new FileStoreUnavailableException(StoreName, e);
        }

        if (document.Descendants(Dav + "collection").Any())
        {
            return null;
        }

        var text = document.Descendants(Dav + "getcontentlength").Select(e => e.Value.Trim()).FirstOrDefault();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : throw new FileStoreUnavailableException(StoreName, new InvalidDataException("PROPFIND gave no getcontentlength for " + key));
    }

    /// <summary>
    /// Creates the collections of a path (<c>a/b/c/</c>) under the base collection that are not known to exist, parents
    /// first, starting with the base collection itself (its own parent must exist).
    /// </summary>
    private async Task EnsureCollectionsAsync(string path, CancellationToken cancellationToken)
    {
        var end = 0;
        var first = true;
        while (first || (end = path.IndexOf('/', end) + 1) > 0)
        {
            var collection = first ? "" : path[..end];
            first = false;
            if (_collections.ContainsKey(collection))
            {
                continue;
            }

            using var mkcol = new HttpRequestMessage(Mkcol, collection.Length == 0 ? _options.BaseUrl : new Uri(_options.BaseUrl, collection));
            using var response = await SendAsync(mkcol, null, null, cancellationToken);

            // 201: created; 405: it exists already (RFC 4918 §9.3.1).
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.MethodNotAllowed))
            {
                EnsureSuccess(response, "MKCOL");
            }

            _collections.TryAdd(collection, true);
        }
    }

    /// <summary>
    /// Sends a request, turning network failures and timeouts into <see cref="FileStoreUnavailableException"/>; a
    /// failure of the uploaded content itself (<paramref name="content"/>) is rethrown as it was.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, HashingReadStream? content, long? declaredLength, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (Exception) when (content?.SourceFailure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            throw;
        }
        catch (HttpRequestException) when (content is not null && declaredLength is { } expected &&
                                          (content.BytesRead > expected || (content.EndOfContent && content.BytesRead != expected)))
        {
            throw new InvalidDataException($"The content is not the {expected} bytes declared.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            throw new FileStoreUnavailableException(StoreName, e);
        }
    }

    private static void EnsureSuccess(HttpResponseMessage response, string method)
    {
        if (!response.IsSuccessStatusCode)
        {
            // 401/403 (credentials), 404/409 (the collection vanished), 507 (full), 5xx: the store cannot take it now.
            throw new FileStoreUnavailableException(
                StoreName, new HttpRequestException($"{method} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode));
        }
    }

    private async Task TryDeleteAsync(Uri temporary)
    {
        try
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, temporary);
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout);
            (await _http.SendAsync(delete, timeout.Token)).Dispose();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The temporary file is never read (it is not under a key); a later cleanup of *.partial removes it.
        }
    }

    /// <summary>A response body that releases the response when disposed, optionally cut to a length.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream inner) : Stream
    {
        private long _remaining = long.MaxValue;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public void Limit(long length) => _remaining = length;

        public async Task SkipAsync(long count, CancellationToken cancellationToken)
        {
            var buffer = new byte[81920];
            while (count > 0)
            {
                var read = await inner.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                count -= read;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_remaining <= 0)
            {
                return 0;
            }

            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, _remaining)]);
            _remaining -= read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_remaining <= 0)
            {
                return 0;
            }

            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken);
            _remaining -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
