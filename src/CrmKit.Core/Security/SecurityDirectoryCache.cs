using CrmKit.Core.Storage;

namespace CrmKit.Core.Security;

/// <summary>
/// Holds the current <see cref="SecurityDirectory"/>: loaded at start-up, replaced after every change made through this
/// node, and reloaded when the stored revision shows a change made by another node (see <see cref="SecurityDirectoryRefresher"/>).
/// </summary>
internal sealed class SecurityDirectoryCache(ICrmStore store) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile SecurityDirectory _current = SecurityDirectory.Empty;

    /// <summary>The current snapshot; empty until the first load.</summary>
    public SecurityDirectory Current => _current;

    public void Dispose() => _loading.Dispose();

    /// <summary>Reloads the directory from the store when its revision differs from the current snapshot's.</summary>
    public async Task<SecurityDirectory> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            await using var session = await store.BeginAsync(write: false, cancellationToken);
            var revision = await session.ReadSecurityRevisionAsync(cancellationToken);
            if (!force && revision == _current.Revision && !ReferenceEquals(_current, SecurityDirectory.Empty))
            {
                return _current;
            }

            var users = await session.ListSecurityObjectsAsync(SecurityObjects.User, cancellationToken);
            var teams = await session.ListSecurityObjectsAsync(SecurityObjects.Team, cancellationToken);
            var roles = await session.ListSecurityObjectsAsync(SecurityObjects.Role, cancellationToken);
            _current = new SecurityDirectory(
                revision,
                users.Select(SecurityObjects.ToUser),
                teams.Select(SecurityObjects.ToTeam),
                roles.Select(SecurityObjects.ToRole));
            return _current;
        }
        finally
        {
            _loading.Release();
        }
    }
}
