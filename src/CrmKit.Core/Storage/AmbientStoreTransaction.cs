namespace CrmKit.Core.Storage;

/// <summary>
/// One write transaction that several Core services join: while <see cref="RunAsync"/> runs its work, every
/// <see cref="ICrmStore.BeginAsync"/> and <see cref="ICrmStore.BeginStatementReadAsync"/> made on the same store in that
/// asynchronous flow returns the ambient session instead of opening a new transaction. A joined session's
/// <see cref="ICrmStoreSession.CommitAsync"/> and disposal do nothing: the transaction commits when the work
/// completes and rolls back when it throws. Used to apply a whole edition (metadata, workflows, templates, records,
/// settings) all or nothing, on every provider.
/// </summary>
/// <remarks>
/// Services publish their in-memory state (the metadata registry, the template and workflow caches) after their own
/// "commit"; after a rollback the caller reloads that state from the store (<see cref="ICrmStateReloader"/>).
/// Work in other flows (background dispatchers, other requests) is not joined: it waits for the write lock or reads the
/// last committed state.
/// </remarks>
public static class AmbientStoreTransaction
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>Whether the calling flow runs inside an ambient transaction.</summary>
    public static bool IsActive => Current.Value is { Completed: false };

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction of <paramref name="store"/> that nested sessions join;
    /// commits when it completes, rolls back when it throws (the exception propagates). Must not be nested.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="work">The work; its store sessions join the transaction.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InvalidOperationException">An ambient transaction is already active in this flow.</exception>
    public static async Task RunAsync(ICrmStore store, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(work);
        if (IsActive)
        {
            throw new InvalidOperationException("An ambient store transaction is already active in this flow.");
        }

        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var scope = new Scope(store, session);
        Current.Value = scope;
        try
        {
            await work(cancellationToken);
            scope.Completed = true;
            await session.CommitAsync(cancellationToken);
        }
        finally
        {
            scope.Completed = true;
            Current.Value = null;
        }
    }

    /// <summary>
    /// Called by store providers at the start of every session they open: returns the ambient session of this store
    /// (wrapped so that committing or disposing it does nothing) when the flow runs inside <see cref="RunAsync"/>.
    /// </summary>
    /// <param name="store">The store asked for a session.</param>
    /// <param name="session">The joined session.</param>
    /// <returns>Whether a session was joined.</returns>
    public static bool TryJoin(ICrmStore store, out ICrmStoreSession session)
    {
        if (Current.Value is { Completed: false } scope && ReferenceEquals(scope.Store, store))
        {
            session = JoinedStoreSession.Create(scope.Session);
            return true;
        }

        session = null!;
        return false;
    }

    private sealed class Scope(ICrmStore store, ICrmStoreSession session)
    {
        public ICrmStore Store { get; } = store;

        public ICrmStoreSession Session { get; } = session;

        public bool Completed { get; set; }
    }
}
