using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CrmKit.Sdk.Files;

namespace CrmKit.Plugins.S3;

/// <summary>
/// A file store in an S3-compatible bucket. Content streams through one part at a time: up to
/// <see cref="S3StoreOptions.PartSize"/> bytes go in one PUT, larger content in a multipart upload that is aborted
/// when anything fails, so a failed put leaves no object. Reads are ranged GETs.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    /// <summary>The store's name in configuration.</summary>
    public const string StoreName = "s3";

    private readonly S3StoreOptions _options;
    private readonly AmazonS3Client _client;

    /// <summary>Creates the store.</summary>
    /// <param name="options">Where the bucket is and how to reach it.</param>
    public S3FileStore(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _client = new AmazonS3Client(
            new BasicAWSCredentials(options.AccessKey, options.SecretKey),
            new AmazonS3Config
            {
                ServiceURL = options.ServiceUrl.ToString(),
                ForcePathStyle = options.ForcePathStyle,
                AuthenticationRegion = options.Region,
                Timeout = options.RequestTimeout,
                MaxErrorRetry = 2,
            });
    }

    /// <inheritdoc />
    public async Task<StoredFileInfo> PutAsync(FilePutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = ObjectKey(request.Key);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(_options.PartSize);
        long length = 0;
        try
        {
            var filled = await FillAsync(request.Content, buffer, _options.PartSize, cancellationToken);
            hash.AppendData(buffer, 0, filled);
            length += filled;
            if (filled < _options.PartSize)
            {
                CheckLength(request, length);
                await CallAsync(() => _client.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = _options.Bucket,
                    Key = key,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                    AutoCloseStream = true,
                    ContentType = request.ContentType,
                    UseChunkEncoding = false,
                }, cancellationToken));
            }
            else
            {
                length = await PutMultipartAsync(request, key, buffer, filled, hash, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new StoredFileInfo
        {
            Key = request.Key,
            Length = length,
            Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()),
            ContentType = request.ContentType,
        };
    }

    /// <inheritdoc />
    public async Task<FileReadResult?> OpenReadAsync(string key, FileRange? range, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        var metadata = await StatAsync(objectKey, cancellationToken);
        if (metadata is null)
        {
            return null;
        }

        var total = metadata.ContentLength;
        FileRange? fitted = null;
        if (range is not null)
        {
            fitted = range.Clamp(total) ?? throw new ArgumentOutOfRangeException(nameof(range), range, $"The content is {total} bytes long.");
        }

        if (total == 0)
        {
            return new FileReadResult(new MemoryStream([], writable: false), 0) { ContentType = metadata.Headers.ContentType };
        }

        var get = new GetObjectRequest { BucketName = _options.Bucket, Key = objectKey };
        if (fitted is not null)
        {
            get.ByteRange = new ByteRange(fitted.Offset, fitted.Offset + fitted.Length!.Value - 1);
        }

        var response = await CallAsync(() => _client.GetObjectAsync(get, cancellationToken));
        return new FileReadResult(new ResponseStream(response), total, fitted) { ContentType = response.Headers.ContentType };
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        if (await StatAsync(objectKey, cancellationToken) is null)
        {
            return false;
        }

        await CallAsync(() => _client.DeleteObjectAsync(_options.Bucket, objectKey, cancellationToken));
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<long> PutMultipartAsync(
        FilePutRequest request, string key, byte[] buffer, int filled, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var upload = await CallAsync(() => _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            ContentType = request.ContentType,
        }, cancellationToken));
        try
        {
            var parts = new List<PartETag>();
            long length = filled;
            while (filled > 0)
            {
                var partNumber = parts.Count + 1;
                var part = await CallAsync(() => _client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _options.Bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = partNumber,
                    PartSize = filled,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                    UseChunkEncoding = false,
                }, cancellationToken));
                parts.Add(new PartETag(partNumber, part.ETag));
                if (filled < _options.PartSize)
                {
                    break;
                }

                filled = await FillAsync(request.Content, buffer, _options.PartSize, cancellationToken);
                hash.AppendData(buffer, 0, filled);
                length += filled;
            }

            CheckLength(request, length);
            await CallAsync(() => _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _options.Bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken));
            return length;
        }
        catch (Exception)
        {
            // No partial object: the parts sent so far are discarded (best effort; a bucket lifecycle rule for
            // incomplete multipart uploads cleans up what an unreachable server keeps).
            try
            {
                await _client.AbortMultipartUploadAsync(_options.Bucket, key, upload.UploadId, CancellationToken.None);
            }
            catch (Exception e) when (IsUnavailable(e) || e is AmazonServiceException)
            {
                // The upload stays incomplete, which is invisible to readers.
            }

            throw;
        }
    }

    private async Task<GetObjectMetadataResponse?> StatAsync(string objectKey, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetObjectMetadataAsync(_options.Bucket, objectKey, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // A HEAD answer has no body, so a missing key and a missing bucket look alike: a missing bucket is a
            // misconfigured (unavailable) store, not an empty one.
            // Listing the key's prefix answers NoSuchBucket (with a body) for a missing bucket.
            await CallAsync(() => _client.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = objectKey, MaxKeys = 1 }, cancellationToken));
            return null;
        }
        catch (Exception e) when (IsUnavailable(e) || e is AmazonServiceException)
        {
            throw new FileStoreUnavailableException(StoreName, e);
        }
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsUnavailable(e) || e is AmazonServiceException)
        {
            throw new FileStoreUnavailableException(StoreName, e);
        }
    }

    /// <summary>Network failures and timeouts: the store cannot be reached (a cancellation by the caller is not one).</summary>
    private static bool IsUnavailable(Exception e) =>
        e is HttpRequestException or SocketException or IOException or TimeoutException ||
        (e is TaskCanceledException { InnerException: TimeoutException });

    private static void CheckLength(FilePutRequest request, long length)
    {
        if (request.Length is { } expected && expected != length)
        {
            throw new InvalidDataException($"The content is {length} bytes long, not the {expected} declared.");
        }
    }

    private static async Task<int> FillAsync(Stream source, byte[] buffer, int size, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < size && (read = await source.ReadAsync(buffer.AsMemory(filled, size - filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    private string ObjectKey(string key)
    {
        FileStoreKeys.ThrowIfInvalid(key);
        return _options.Prefix + key;
    }

    /// <summary>The body of a GET, which releases the response (and its connection) when disposed.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(buffer, cancellationToken);

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
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
