namespace CrmKit.Core.Security;

/// <summary>The outcome of checking a presented API key.</summary>
public enum ApiKeyStatus
{
    /// <summary>The key is valid; its account is active.</summary>
    Valid = 0,

    /// <summary>Not a CrmKit key, unknown, or the secret does not match.</summary>
    Invalid = 1,

    /// <summary>The key expired.</summary>
    Expired = 2,

    /// <summary>The key was revoked.</summary>
    Revoked = 3,

    /// <summary>The key's account is deactivated or gone.</summary>
    AccountInactive = 4,
}

/// <summary>What <see cref="IApiKeyService.AuthenticateAsync"/> found.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="User">The key's account, when valid.</param>
/// <param name="Key">The key, when it exists and its secret matched.</param>
public sealed record ApiKeyAuthentication(ApiKeyStatus Status, CrmUser? User, ApiKeyInfo? Key);
