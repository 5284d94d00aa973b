using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CrmKit.Plugins.OneC.Exchange;

/// <summary>
/// The session 1C carries between calls, as the cookie <see cref="CookieName"/>: an expiry, a random session id and an
/// HMAC-SHA256 over both, keyed by the configured credentials. No state lives on the server, so any node of a cluster
/// accepts it; changing the password ends every session; the session id names the folder its uploads wait in.
/// </summary>
internal static class ExchangeSession
{
    public const string CookieName = "CRMKIT_1C";

    private const int PayloadLength = 8 + 16;

    public static string Issue(string login, string password, DateTimeOffset expires)
    {
        var token = new byte[PayloadLength + 32];
        BinaryPrimitives.WriteInt64BigEndian(token, expires.ToUnixTimeSeconds());
        RandomNumberGenerator.Fill(token.AsSpan(8, 16));
        HMACSHA256.HashData(Key(login, password), token.AsSpan(0, PayloadLength), token.AsSpan(PayloadLength));
        return Base64Url(token);
    }

    /// <summary>The session id of a valid, unexpired token; null otherwise.</summary>
    public static string? Verify(string? token, string login, string password, DateTimeOffset now)
    {
        if (token is null || token.Length > 100)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - token.Length % 4) % 4));
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != PayloadLength + 32)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Key(login, password), bytes.AsSpan(0, PayloadLength), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(PayloadLength)))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        return expires <= now ? null : Convert.ToHexStringLower(bytes.AsSpan(8, 16));
    }

    /// <summary>Whether the Basic credentials are the configured ones, compared in constant time.</summary>
    public static bool CheckBasic(string? authorization, string login, string password)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        // Hashing first gives both sides the same length, so the comparison time says nothing about the secret.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(decoded));
        var wanted = SHA256.HashData(Encoding.UTF8.GetBytes(login + ":" + password));
        return CryptographicOperations.FixedTimeEquals(given, wanted);
    }

    /// <summary>The session cookie's value from a Cookie header.</summary>
    public static string? FromCookieHeader(string? cookies)
    {
        foreach (var part in (cookies ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(CookieName + "=", StringComparison.Ordinal))
            {
                return part[(CookieName.Length + 1)..];
            }
        }

        return null;
    }

    private static byte[] Key(string login, string password) =>
        SHA256.HashData(Encoding.UTF8.GetBytes("crmkit.onec.session\n" + login + "\n" + password));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
