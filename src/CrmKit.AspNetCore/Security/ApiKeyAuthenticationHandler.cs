using System.Security.Claims;
using System.Text.Encodings.Web;
using CrmKit.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Authenticates CrmKit API keys: <c>Authorization: Bearer crmk_...</c>, <c>Authorization: ApiKey crmk_...</c> (what the
/// crmkit tool sends) or <c>X-Api-Key: crmk_...</c>. A failure leaves its reason (a stable code) for the 401 problem.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The <see cref="HttpContext.Items"/> key of a failed authentication's code.</summary>
    public const string FailureCodeItem = "crmkit.auth.failure";

    public static string? FindKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && header.Count > 0)
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        foreach (var scheme in (string[])["ApiKey ", "Bearer "])
        {
            if (authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                var value = authorization[scheme.Length..].Trim();
                if (scheme == "ApiKey " || value.StartsWith("crmk_", StringComparison.Ordinal))
                {
                    return value;
                }
            }
        }

        return null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = FindKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var result = await keys.AuthenticateAsync(key, Context.RequestAborted);
        if (result.Status != ApiKeyStatus.Valid)
        {
            var code = result.Status switch
            {
                ApiKeyStatus.Expired => "auth.key_expired",
                ApiKeyStatus.Revoked => "auth.key_revoked",
                ApiKeyStatus.AccountInactive => "auth.account_inactive",
                _ => "auth.invalid_credentials",
            };
            Context.Items[FailureCodeItem] = code;
            return AuthenticateResult.Fail(code);
        }

        var claims = new List<Claim>
        {
            new(CrmKitAuthentication.UserIdClaim, result.User!.Id),
            new(CrmKitAuthentication.KeyIdClaim, result.Key!.Id),
        };
        claims.AddRange(result.Key.Scopes.Select(s => new Claim(CrmKitAuthentication.ScopeClaim, s)));
        var identity = new ClaimsIdentity(claims, Scheme.Name, CrmKitAuthentication.UserIdClaim, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
