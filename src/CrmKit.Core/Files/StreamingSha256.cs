using System.Buffers;
using System.Security.Cryptography;

namespace CrmKit.Core.Files;

/// <summary>Copies a stream to another in pooled chunks, computing its length and SHA-256 on the way.</summary>
internal static class StreamingSha256
{
    public const int BufferSize = 128 * 1024;

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <returns>The number of bytes and their SHA-256 (lower-case hex).</returns>
    /// <param name="source">The content.</param>
    /// <param name="target">Where it goes.</param>
    /// <param name="targetFailed">Turns a failure to write the target into the exception to throw; null to let it through.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public static async Task<(long Length, string Sha256)> CopyAsync(
        Stream source, Stream target, Func<Exception, Exception>? targetFailed, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long length = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                try
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                catch (Exception e) when (targetFailed is not null && e is not OperationCanceledException)
                {
                    throw targetFailed(e);
                }

                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
