namespace CrmKit.Sdk.Files;

/// <summary>
/// The rules for file-store keys, which every store checks: one to ten segments separated by <c>/</c>, each 1 to 128
/// characters from <c>a-z</c>, <c>A-Z</c>, <c>0-9</c>, <c>-</c>, <c>_</c> and <c>.</c>, not <c>.</c> or <c>..</c>, and at
/// most 512 characters in all. Such a key maps safely to a file path, an S3 object name and a WebDAV URL. User file
/// names never go into keys; the host keeps them in its metadata.
/// </summary>
public static class FileStoreKeys
{
    /// <summary>The longest key, in characters.</summary>
    public const int MaxLength = 512;

    private const int MaxSegments = 10;
    private const int MaxSegmentLength = 128;

    /// <summary>Tells whether a key follows the rules.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when the key is valid.</returns>
    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        var segments = 0;
        foreach (var range in key.AsSpan().Split('/'))
        {
            var segment = key.AsSpan(range);
            if (++segments > MaxSegments || segment.Length is 0 or > MaxSegmentLength ||
                segment is "." or ".." || !IsValidSegment(segment))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws when a key does not follow the rules.</summary>
    /// <param name="key">The key.</param>
    /// <param name="paramName">The name of the argument that holds the key.</param>
    /// <exception cref="ArgumentException">The key is invalid.</exception>
    public static void ThrowIfInvalid(string? key, string paramName = "key")
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a valid file-store key.", paramName);
        }
    }

    private static bool IsValidSegment(ReadOnlySpan<char> segment)
    {
        foreach (var c in segment)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
