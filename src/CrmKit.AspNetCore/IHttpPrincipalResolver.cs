using CrmKit.Sdk.Security;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore;

/// <summary>
/// Decides on whose behalf an HTTP request acts. The REST endpoints pass the principal to every service call.
/// The default resolver makes an anonymous principal; a host replaces it by registering its own implementation
/// before calling <see cref="CrmKitApiServiceCollectionExtensions.AddCrmKitApi"/>.
/// </summary>
public interface IHttpPrincipalResolver
{
    /// <summary>Resolves the acting principal of a request.</summary>
    /// <param name="context">The HTTP context of the request.</param>
    /// <returns>The principal; never null.</returns>
    ValueTask<CrmPrincipal> ResolveAsync(HttpContext context);
}
