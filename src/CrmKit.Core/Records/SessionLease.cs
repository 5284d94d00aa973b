using CrmKit.Core.Storage;

namespace CrmKit.Core.Records;

/// <summary>
/// A store session for one records-service call. The outermost write call owns a new transaction and makes it the
/// ambient one, so writes made by its hooks (nested calls) join it and commit or roll back together; nested calls
/// borrow it and neither commit nor dispose it.
/// </summary>
internal sealed class SessionLease : IAsyncDisposable
{
    private static readonly AsyncLocal<ICrmStoreSession?> Ambient = new();
    private readonly bool _owned;

    private SessionLease(ICrmStoreSession session, bool owned)
    {
        Session = session;
        _owned = owned;
    }

    public ICrmStoreSession Session { get; }

    public static async Task<SessionLease> OpenAsync(ICrmStore store, bool write, CancellationToken cancellationToken)
    {
        if (Ambient.Value is { } ambient)
        {
            return new SessionLease(ambient, owned: false);
        }

        return new SessionLease(await store.BeginAsync(write, cancellationToken), owned: true);
    }

    /// <summary>
    /// A read lease for a call that runs one statement (see <see cref="ICrmStore.BeginStatementReadAsync"/>); inside an
    /// ambient write session it borrows that one.
    /// </summary>
    public static async Task<SessionLease> OpenStatementReadAsync(ICrmStore store, CancellationToken cancellationToken)
    {
        if (Ambient.Value is { } ambient)
        {
            return new SessionLease(ambient, owned: false);
        }

        return new SessionLease(await store.BeginStatementReadAsync(cancellationToken), owned: true);
    }

    /// <summary>Makes an owned write session ambient for the caller's flow (call it from the calling method itself).</summary>
    public SessionLease Activate()
    {
        if (_owned)
        {
            Ambient.Value = Session;
        }

        return this;
    }

    public Task CommitAsync(CancellationToken cancellationToken) =>
        _owned ? Session.CommitAsync(cancellationToken) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            if (ReferenceEquals(Ambient.Value, Session))
            {
                Ambient.Value = null;
            }

            await Session.DisposeAsync();
        }
    }
}
