using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Security;
using CrmKit.Sdk.Security;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Acts as the CrmKit account the request authenticated as (API key or JWT), with the roles the account holds now. The
/// channel is <see cref="CrmChannel.Cli"/> for the <c>crmkit</c> tool (its User-Agent starts with <c>crmkit-cli</c>) and
/// <see cref="CrmChannel.Rest"/> otherwise. A request without valid credentials is refused with a 401 problem whose code
/// says why.
/// </summary>
internal sealed class DefaultHttpPrincipalResolver(IAccessControl access) : IHttpPrincipalResolver
{
    private const string CliUserAgentPrefix = "crmkit-cli";
    private const string PrincipalItem = "crmkit.principal";

    public ValueTask<CrmPrincipal> ResolveAsync(HttpContext context)
    {
        if (context.Items[PrincipalItem] is CrmPrincipal known)
        {
            return ValueTask.FromResult(known);
        }

        var userId = context.User.FindFirst(CrmKitAuthentication.UserIdClaim)?.Value;
        if (userId is null)
        {
            throw Refused(context);
        }

        var channel = context.Request.Headers.UserAgent.ToString().StartsWith(CliUserAgentPrefix, StringComparison.OrdinalIgnoreCase)
            ? CrmChannel.Cli
            : CrmChannel.Rest;
        var principal = access.PrincipalOf(userId, channel) ?? throw ApiErrors.Unauthorized("auth.account_inactive");
        context.Items[PrincipalItem] = principal;
        return ValueTask.FromResult(principal);
    }

    /// <summary>The 401 for a request that did not authenticate: why, when it tried; that it must, when it did not.</summary>
    private static ApiProblemException Refused(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        if (context.Items[ApiKeyAuthenticationHandler.FailureCodeItem] is string code)
        {
            return code == "auth.invalid_token"
                ? ApiErrors.Unauthorized(code, context.Items[JwtBearerSetup.FailureReasonItem] as string ?? "malformed")
                : ApiErrors.Unauthorized(code);
        }

        return context.Request.Headers.Authorization.Count > 0
            ? ApiErrors.Unauthorized("auth.invalid_credentials")
            : ApiErrors.Unauthorized("auth.required");
    }
}
