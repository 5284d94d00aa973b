using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Security;

/// <summary>The default <see cref="IServicePrincipalProvider"/>: active service accounts of the directory.</summary>
internal sealed class ServicePrincipalProvider(SecurityDirectoryCache directory) : IServicePrincipalProvider
{
    public CrmPrincipal GetServicePrincipal(string id, CrmChannel channel = CrmChannel.Plugin)
    {
        ArgumentNullException.ThrowIfNull(id);
        return directory.Current.Users.TryGetValue(id, out var user) && user.Active && user.Kind == CrmUserKind.Service
            ? new CrmPrincipal(user.Id, user.DisplayName, user.Roles, channel)
            : throw SecurityMessages.Exception(CrmErrorKind.Forbidden, "service.not_found", id);
    }
}
