namespace CrmKit.AspNetCore.Security;

/// <summary>The names CrmKit's authentication uses: schemes and claim types.</summary>
public static class CrmKitAuthentication
{
    /// <summary>The scheme CrmKit's API authenticates with: it forwards to <see cref="ApiKeyScheme"/> or <see cref="JwtScheme"/>.</summary>
    public const string Scheme = "CrmKit";

    /// <summary>The API key scheme (<c>Authorization: Bearer crmk_...</c>, <c>Authorization: ApiKey ...</c> or <c>X-Api-Key</c>).</summary>
    public const string ApiKeyScheme = "CrmKitApiKey";

    /// <summary>The JWT bearer scheme, active when <c>CrmKit:Security:Jwt</c> names signing keys.</summary>
    public const string JwtScheme = "CrmKitJwt";

    /// <summary>The claim holding the CrmKit account id of an authenticated caller.</summary>
    public const string UserIdClaim = "crmkit:user";

    /// <summary>The claim holding the id of the API key a caller authenticated with.</summary>
    public const string KeyIdClaim = "crmkit:key";

    /// <summary>One claim per scope of the API key a caller authenticated with.</summary>
    public const string ScopeClaim = "crmkit:scope";
}
