using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using CrmKit.AspNetCore.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>JWT bearer tokens: issuer, audience, signature and lifetime checked; the subject names a CrmKit account.</summary>
public sealed class JwtBearerTests(JwtServerFactory factory) : IClassFixture<JwtServerFactory>
{
    private readonly SecurityApi _security = new(factory);

    [Fact]
    public async Task Token_ShouldActAsTheAccountItsSubjectNames_WithTheAccountsRoles()
    {
        var id = SecurityApi.NewId("jwt");
        await _security.CreateUserAsync(id, "administrator");

        using var client = factory.CreateClient(Token(id, Symmetric()));
        using var response = await client.GetAsync("/api/me");

        var me = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        me["id"]!.GetValue<string>().ShouldBe(id);
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["administrator"]);
    }

    [Fact]
    public async Task Token_ShouldBeAccepted_SignedWithTheRsaKey_AndMapAnExternalId()
    {
        var id = SecurityApi.NewId("ext");
        await _security.Admin.CreateAsync("/api/users", new()
        {
            ["id"] = id,
            ["displayName"] = "External",
            ["externalId"] = "00u1a2b3c4",
            ["roles"] = new System.Text.Json.Nodes.JsonArray("administrator"),
        });

        using var client = factory.CreateClient(Token("00u1a2b3c4", new SigningCredentials(new RsaSecurityKey(factory.Rsa), SecurityAlgorithms.RsaSha256)));
        using var response = await client.GetAsync("/api/me");

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK))["id"]!.GetValue<string>().ShouldBe(id);
    }

    [Theory]
    [InlineData("issuer", "wrong issuer")]
    [InlineData("audience", "wrong audience")]
    [InlineData("expired", "expired")]
    [InlineData("signature", "bad signature")]
    [InlineData("no-expiry", "no expiry")]
    public async Task Token_ShouldBeRefused_WithTheReason(string broken, string reason)
    {
        var credentials = broken == "signature"
            ? new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256)
            : Symmetric();
        var token = Token(
            "admin",
            credentials,
            issuer: broken == "issuer" ? "https://evil.test" : JwtServerFactory.Issuer,
            audience: broken == "audience" ? "other" : JwtServerFactory.Audience,
            expires: broken == "expired" ? DateTime.UtcNow.AddMinutes(-10) : DateTime.UtcNow.AddMinutes(5),
            withoutExpiry: broken == "no-expiry");

        using var client = factory.CreateClient(token);
        using var response = await client.GetAsync("/api/me");

        var problem = await response.ShouldBeProblemAsync(401, "auth.invalid_token");
        problem["title"]!.GetValue<string>().ShouldEndWith(reason);
    }

    [Fact]
    public async Task Token_ForAnUnknownOrDeactivatedAccount_ShouldBeRefused()
    {
        var id = SecurityApi.NewId("gone");
        await _security.CreateUserAsync(id, "administrator");
        using (var off = await _security.Admin.PatchJsonAsync("/api/users/" + id, """{"active": false}"""))
        {
            await off.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        using var unknown = factory.CreateClient(Token("nobody-here", Symmetric()));
        using var inactive = factory.CreateClient(Token(id, Symmetric()));

        await (await unknown.GetAsync("/api/me")).ShouldBeProblemAsync(401, "auth.account_inactive");
        await (await inactive.GetAsync("/api/me")).ShouldBeProblemAsync(401, "auth.account_inactive");
    }

    [Fact]
    public async Task ApiKeys_ShouldStillWork_BesideJwt()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/me");

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK))["id"]!.GetValue<string>().ShouldBe("admin");
    }

    private SigningCredentials Symmetric() => new(new SymmetricSecurityKey(factory.SymmetricKey), SecurityAlgorithms.HmacSha256);

    private static string Token(
        string subject, SigningCredentials credentials, string issuer = JwtServerFactory.Issuer, string audience = JwtServerFactory.Audience,
        DateTime? expires = null, bool withoutExpiry = false)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("roles", "administrator")]),
            Issuer = issuer,
            Audience = audience,
            SigningCredentials = credentials,
            IssuedAt = DateTime.UtcNow.AddMinutes(-30),
            NotBefore = DateTime.UtcNow.AddMinutes(-30),
        };
        if (!withoutExpiry)
        {
            descriptor.Expires = expires ?? DateTime.UtcNow.AddMinutes(5);
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
