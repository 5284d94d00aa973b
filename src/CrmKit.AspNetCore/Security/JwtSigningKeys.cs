using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CrmKit.AspNetCore.Security;

/// <summary>Turns the configured signing keys (PEM public keys, base64 symmetric keys) into validation keys.</summary>
internal static class JwtSigningKeys
{
    public static IReadOnlyList<SecurityKey> Parse(IEnumerable<string> keys)
    {
        var result = new List<SecurityKey>();
        foreach (var text in keys.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            var key = text.Trim();
            if (key.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                try
                {
                    var rsa = RSA.Create();
                    rsa.ImportFromPem(key);
                    result.Add(new RsaSecurityKey(rsa));
                }
                catch (ArgumentException)
                {
                    var ec = ECDsa.Create();
                    ec.ImportFromPem(key);
                    result.Add(new ECDsaSecurityKey(ec));
                }
            }
            else
            {
                var bytes = Convert.FromBase64String(key);
                if (bytes.Length < 32)
                {
                    throw new ArgumentException("A symmetric JWT signing key must have at least 32 bytes.", nameof(keys));
                }

                result.Add(new SymmetricSecurityKey(bytes));
            }
        }

        return result;
    }
}
