using System.Security.Cryptography;
using System.Text;

namespace CrmKit.Core.Workflows.Actions;

/// <summary>
/// The signature of workflow webhooks: <c>X-CrmKit-Signature: sha256=&lt;hex HMAC-SHA256 of "{timestamp}.{body}"&gt;</c>,
/// with the Unix-seconds timestamp in <c>X-CrmKit-Timestamp</c>. Receivers recompute it with the shared secret.
/// </summary>
public static class WorkflowWebhookSignature
{
    /// <summary>The timestamp header.</summary>
    public const string TimestampHeader = "X-CrmKit-Timestamp";

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-CrmKit-Signature";

    /// <summary>The idempotency key header (the same on every attempt of a step).</summary>
    public const string IdempotencyKeyHeader = "X-CrmKit-Idempotency-Key";

    /// <summary>Computes the header value.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestamp">The timestamp header's value.</param>
    /// <param name="body">The request body.</param>
    /// <returns><c>sha256=</c> and the lower-case hex HMAC.</returns>
    public static string Compute(string secret, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Checks a received signature in constant time.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestamp">The timestamp header.</param>
    /// <param name="body">The body as received.</param>
    /// <param name="signature">The signature header.</param>
    /// <returns>True when it matches.</returns>
    public static bool Verify(string secret, string timestamp, string body, string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
    }
}
