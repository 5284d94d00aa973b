using System.Security.Cryptography;
using CrmKit.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>The real server accepting JWT bearer tokens from the issuer "https://id.test" for the audience "crmkit", signed with an HS256 key or an RSA key.</summary>
public sealed class JwtServerFactory() : TestServerFactory("crmkit-jwt-")
{
    public const string Issuer = "https://id.test";
    public const string Audience = "crmkit";

    public byte[] SymmetricKey { get; } = RandomNumberGenerator.GetBytes(32);

    public RSA Rsa { get; } = RSA.Create(2048);

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Security:Jwt:Issuer", Issuer);
        builder.UseSetting("CrmKit:Security:Jwt:Audience", Audience);
        builder.UseSetting("CrmKit:Security:Jwt:SigningKeys:0", Convert.ToBase64String(SymmetricKey));
        builder.UseSetting("CrmKit:Security:Jwt:SigningKeys:1", Rsa.ExportSubjectPublicKeyInfoPem());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Rsa.Dispose();
        }
    }
}
