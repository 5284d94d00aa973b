namespace CrmKit.Core.Security;

/// <summary>
/// Encrypts secrets before they are stored (plugin settings marked secret) and decrypts them when read. The default
/// uses ASP.NET Data Protection with the key ring of <see cref="SecurityOptions.KeyRingDirectory"/>.
/// </summary>
public interface ISecretProtector
{
    /// <summary>Encrypts a secret.</summary>
    /// <param name="plaintext">The secret.</param>
    /// <returns>The protected text.</returns>
    string Protect(string plaintext);

    /// <summary>Decrypts what <see cref="Protect"/> returned.</summary>
    /// <param name="protectedText">The protected text.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key ring lacks the key it was protected with.</exception>
    string Unprotect(string protectedText);
}
