namespace CrmKit.Sdk.Security;

/// <summary>
/// Gives plugins the identity they declare for work no user triggered (a timer, an inbound webhook, a retry): a
/// service principal of the host's security directory, with the roles an administrator gave it. Work a user triggered
/// (hooks, messages, workflow actions) runs as that user: use the principal of the context instead. Resolve it from the
/// plugin's services.
/// </summary>
public interface IServicePrincipalProvider
{
    /// <summary>The principal of an active service account.</summary>
    /// <param name="id">The service account's id, for example <c>svc-egrul</c>.</param>
    /// <param name="channel">The channel the work comes through (recorded in the audit trail).</param>
    /// <returns>The principal with the account's current roles.</returns>
    /// <exception cref="Errors.CrmException">No active service account has that id (code <c>service.not_found</c>).</exception>
    CrmPrincipal GetServicePrincipal(string id, CrmChannel channel = CrmChannel.Plugin);
}
