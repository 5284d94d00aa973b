using System.Security.Claims;
using CrmKit.Core.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Configures the JWT bearer scheme from <see cref="CrmKitJwtOptions"/>: issuer, audience and signing keys are all
/// checked, tokens must expire, and the token's subject must name an active CrmKit account, whose id becomes the
/// caller's <see cref="CrmKitAuthentication.UserIdClaim"/>.
/// </summary>
internal sealed class JwtBearerSetup(IOptions<CrmKitJwtOptions> jwt) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != CrmKitAuthentication.JwtScheme)
        {
            return;
        }

        var o = jwt.Value;
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = o.Issuer,
            ValidateAudience = true,
            ValidAudience = o.Audience,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = JwtSigningKeys.Parse(o.SigningKeys),
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = o.ClockSkew,
            NameClaimType = o.UserClaim,
        };
        options.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context =>
            {
                context.HttpContext.Items[ApiKeyAuthenticationHandler.FailureCodeItem] = "auth.invalid_token";
                context.HttpContext.Items[FailureReasonItem] = Reason(context.Exception);
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                var subject = context.Principal?.FindFirst(o.UserClaim)?.Value;
                var directory = context.HttpContext.RequestServices.GetRequiredService<ISecurityDirectoryService>();
                var account = subject is null ? null : directory.FindAccount(subject);
                if (account is null || !account.Active)
                {
                    context.HttpContext.Items[ApiKeyAuthenticationHandler.FailureCodeItem] = "auth.account_inactive";
                    context.Fail("auth.account_inactive");
                    return Task.CompletedTask;
                }

                context.Principal!.AddIdentity(new ClaimsIdentity([new Claim(CrmKitAuthentication.UserIdClaim, account.Id)]));
                return Task.CompletedTask;
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    /// <summary>The <see cref="Microsoft.AspNetCore.Http.HttpContext.Items"/> key of why a token was refused.</summary>
    public const string FailureReasonItem = "crmkit.auth.reason";

    /// <summary>Why a token was refused, in a word a client can act on (never the library's message).</summary>
    private static string Reason(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not yet valid",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenNoExpirationException => "no expiry",
        _ => "malformed",
    };
}
