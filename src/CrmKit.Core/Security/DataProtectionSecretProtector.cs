using Microsoft.AspNetCore.DataProtection;

namespace CrmKit.Core.Security;

/// <summary>The default <see cref="ISecretProtector"/>: ASP.NET Data Protection, purpose <c>CrmKit.Secrets.v1</c>.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("CrmKit.Secrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
