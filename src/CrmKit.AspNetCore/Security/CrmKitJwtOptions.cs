namespace CrmKit.AspNetCore.Security;

/// <summary>
/// JWT bearer tokens from an identity provider, bound from <c>CrmKit:Security:Jwt</c>. The scheme is active when
/// <see cref="SigningKeys"/> is not empty. A token's <see cref="UserClaim"/> names the CrmKit account (its id, or its
/// <c>externalId</c>); the account's roles apply, not the token's.
/// </summary>
public sealed class CrmKitJwtOptions
{
    /// <summary>The configuration section hosts bind these options from.</summary>
    public const string SectionName = "CrmKit:Security:Jwt";

    /// <summary>The issuer tokens must name (<c>iss</c>).</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience tokens must name (<c>aud</c>).</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The keys tokens may be signed with: each a PEM public key (RSA or EC; <c>-----BEGIN PUBLIC KEY-----</c>) or a
    /// symmetric key in base64 of at least 32 bytes (HS256). Several allow key rotation.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>The claim naming the account (default <c>sub</c>).</summary>
    public string UserClaim { get; set; } = "sub";

    /// <summary>How much clock difference is tolerated for <c>exp</c> and <c>nbf</c> (default 1 minute).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);
}
