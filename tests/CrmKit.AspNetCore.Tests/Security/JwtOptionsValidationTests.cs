using System.Security.Cryptography;
using CrmKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>Broken JWT settings stop the server at start with a message naming the setting, never the key's text.</summary>
public sealed class JwtOptionsValidationTests
{
    private static readonly string GoodKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("short-key", "SigningKeys:0 is a symmetric key shorter than 32 bytes")]
    [InlineData("not base64 at all!", "SigningKeys:0 is neither a PEM public key nor base64 text")]
    [InlineData("pem-garbage", "SigningKeys:0 is a PEM block that is not an RSA or EC public key")]
    [InlineData("no-issuer", "Jwt:Issuer is required")]
    [InlineData("no-audience", "Jwt:Audience is required")]
    public void Start_ShouldFail_WithTheBrokenSettingNamed(string broken, string expected)
    {
        var key = broken switch
        {
            "short-key" => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
            "not base64 at all!" => broken,
            "pem-garbage" => "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
            _ => GoodKey,
        };

        var error = StartFailure(key, broken);

        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain(key.Length > 8 ? key[..8] : "\u0000");
    }

    /// <summary>
    /// Starts the server with the settings and returns why it refused. WebApplicationFactory has a race when the app
    /// fails this early: its deferred host may look up a service of the host the failing app has already disposed, and
    /// then reports <see cref="ObjectDisposedException"/> instead of the app's error. That says nothing about CrmKit, so
    /// the start is tried again (a few times at most) until the app's own error comes through.
    /// </summary>
    private static OptionsValidationException StartFailure(string key, string broken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = new CrmKitServerFactory();
            factory.Settings["CrmKit:Security:Jwt:SigningKeys:0"] = key;
            factory.Settings["CrmKit:Security:Jwt:Issuer"] = broken == "no-issuer" ? "" : "https://id.test";
            factory.Settings["CrmKit:Security:Jwt:Audience"] = broken == "no-audience" ? "" : "crmkit";
            try
            {
                using var client = factory.CreateClient();
            }
            catch (OptionsValidationException error)
            {
                return error;
            }
            catch (ObjectDisposedException) when (attempt < 5)
            {
                continue;
            }

            throw new ShouldAssertException("The server started with broken JWT settings.");
        }
    }

    [Fact]
    public async Task Start_ShouldSucceed_WithoutJwtSettings_AndWithGoodOnes()
    {
        using var factory = new CrmKitServerFactory();
        factory.Settings["CrmKit:Security:Jwt:SigningKeys:0"] = GoodKey;
        factory.Settings["CrmKit:Security:Jwt:Issuer"] = "https://id.test";
        factory.Settings["CrmKit:Security:Jwt:Audience"] = "crmkit";

        using var client = factory.CreateClient();

        (await client.GetAsync("/health")).IsSuccessStatusCode.ShouldBeTrue();
    }
}
