using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Checks <see cref="CrmKitJwtOptions"/> when the host starts, so that a typo in a key or a forgotten issuer stops the
/// server with a clear message instead of refusing every token later. Messages name the key by position, never by its
/// text.
/// </summary>
internal sealed class CrmKitJwtOptionsValidator : IValidateOptions<CrmKitJwtOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmKitJwtOptions options)
    {
        var keys = options.SigningKeys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        if (keys.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{CrmKitJwtOptions.SectionName}:Issuer is required when signing keys are configured.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{CrmKitJwtOptions.SectionName}:Audience is required when signing keys are configured.");
        }

        if (string.IsNullOrWhiteSpace(options.UserClaim))
        {
            failures.Add($"{CrmKitJwtOptions.SectionName}:UserClaim must name a claim.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{CrmKitJwtOptions.SectionName}:ClockSkew must be between 0 and 10 minutes.");
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (Problem(keys[i]) is { } problem)
            {
                failures.Add($"{CrmKitJwtOptions.SectionName}:SigningKeys:{i} {problem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? Problem(string key)
    {
        try
        {
            JwtSigningKeys.Parse([key]);
            return null;
        }
        catch (FormatException)
        {
            return "is neither a PEM public key nor base64 text.";
        }
        catch (CryptographicException)
        {
            return "is a PEM block that is not an RSA or EC public key.";
        }
        catch (ArgumentException)
        {
            return key.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)
                ? "is a PEM block that is not an RSA or EC public key."
                : "is a symmetric key shorter than 32 bytes (256 bits).";
        }
    }
}
