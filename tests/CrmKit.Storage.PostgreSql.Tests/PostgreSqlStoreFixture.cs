using CrmKit.Core.Storage;
using CrmKit.Storage.Conformance;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>A test class's fresh database (per test, as xunit creates the class per test) with the sample entity ready.</summary>
public abstract class PostgreSqlStoreFixture : IAsyncLifetime
{
    /// <summary>A cancellation token for calls under test.</summary>
    protected static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>The conformance suite's sample entity.</summary>
    protected static readonly EntityStorageModel Model = ConformanceModel.Create();

    private PostgreSqlTestDatabase? _database;

    /// <summary>The test's database (created by <see cref="CreateReadyStoreAsync"/>).</summary>
    internal PostgreSqlTestDatabase Database => _database ?? throw new InvalidOperationException("Create a store first.");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Creates the database (skipping the test without a server), a store over it, initializes it and the sample entity.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The store.</returns>
    internal async Task<PostgreSqlCrmStore> CreateReadyStoreAsync(Action<PostgreSqlStoreOptions>? configure = null)
    {
        _database ??= await PostgreSqlTestDatabase.CreateAsync();
        var store = _database.CreateStore(configure);
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Model, Ct));
        return store;
    }

    /// <summary>Runs work in a write session and commits.</summary>
    internal static async Task WriteAsync(PostgreSqlCrmStore store, Func<PostgreSqlCrmStoreSession, Task> work)
    {
        await using var session = await store.BeginSessionAsync(write: true, Ct);
        await work(session);
        await session.CommitAsync(Ct);
    }

    /// <summary>Runs work in a read session.</summary>
    internal static async Task<T> ReadAsync<T>(PostgreSqlCrmStore store, Func<PostgreSqlCrmStoreSession, Task<T>> work)
    {
        await using var session = await store.BeginSessionAsync(write: false, Ct);
        return await work(session);
    }
}
