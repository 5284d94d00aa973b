using CrmKit.Sdk.Security;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Acts as an anonymous user until the security layer replaces this resolver. The channel is
/// <see cref="CrmChannel.Cli"/> for the <c>crmkit</c> tool (its User-Agent starts with <c>crmkit-cli</c>) and
/// <see cref="CrmChannel.Rest"/> otherwise.
/// </summary>
internal sealed class DefaultHttpPrincipalResolver : IHttpPrincipalResolver
{
    private const string CliUserAgentPrefix = "crmkit-cli";

    private static readonly CrmPrincipal RestPrincipal = new("anonymous", "Anonymous", [], CrmChannel.Rest);
    private static readonly CrmPrincipal CliPrincipal = new("anonymous", "Anonymous", [], CrmChannel.Cli);

    public ValueTask<CrmPrincipal> ResolveAsync(HttpContext context)
    {
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var principal = userAgent.StartsWith(CliUserAgentPrefix, StringComparison.OrdinalIgnoreCase)
            ? CliPrincipal
            : RestPrincipal;
        return ValueTask.FromResult(principal);
    }
}
