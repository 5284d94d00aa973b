using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CrmKit.Core.Security;

/// <summary>
/// The shape of API keys, <c>crmk_&lt;id&gt;_&lt;secret&gt;</c>: a public id of 8 to 32 lower-case letters and digits,
/// and a secret of at least 32 URL-safe characters (CrmKit makes 43: 256 random bits). Only a SHA-256 hash of the secret
/// is stored; with that much entropy a hash cannot be reversed by guessing.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "crmk_";
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static (string Id, string Secret, string Key) New()
    {
        var id = RandomNumberGenerator.GetString(IdAlphabet, 16);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (id, secret, Prefix + id + "_" + secret);
    }

    public static bool TryParse(string? key, out string id, out string secret)
    {
        id = secret = "";
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = key.IndexOf('_', Prefix.Length);
        if (separator < 0)
        {
            return false;
        }

        id = key[Prefix.Length..separator];
        secret = key[(separator + 1)..];
        return id.Length is >= 8 and <= 32 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) &&
               secret.Length is >= 32 and <= 128 && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    public static string Hash(string secret) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash)
    {
        Span<byte> expected = stackalloc byte[32];
        return Convert.TryFromBase64String(hash, expected, out var written) && written == 32 &&
               CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), expected);
    }
}
