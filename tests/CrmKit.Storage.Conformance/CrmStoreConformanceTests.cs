using CrmKit.Core.Query;
using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

/// <summary>
/// The behaviour every <see cref="ICrmStore"/> must show. A provider's test project derives from this class and
/// implements <see cref="CreateStoreAsync"/>; xunit runs the inherited facts and theories in the derived class.
/// </summary>
public abstract partial class CrmStoreConformanceTests
{
    /// <summary>A cancellation token for calls under test.</summary>
    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>The sample model.</summary>
    protected static EntityStorageModel Model { get; } = ConformanceModel.Create();

    /// <summary>Creates a fresh, empty store, initialized or not. Called once per test.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<ICrmStore> CreateStoreAsync();

    /// <summary>Creates a store, initializes it and ensures the sample entity's storage.</summary>
    /// <returns>The store.</returns>
    protected async Task<ICrmStore> CreateReadyStoreAsync()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Model, Ct));
        return store;
    }

    /// <summary>Creates a ready store holding <see cref="ConformanceDataset"/>.</summary>
    /// <returns>The store and the records.</returns>
    protected async Task<(ICrmStore Store, IReadOnlyList<StoredRecord> Records)> CreateDatasetStoreAsync()
    {
        var store = await CreateReadyStoreAsync();
        var records = ConformanceDataset.Create();
        await WriteAsync(store, s => s.InsertAsync(Model, records, Ct));
        return (store, records);
    }

    /// <summary>Runs work in a write session and commits.</summary>
    /// <param name="store">The store.</param>
    /// <param name="work">The work.</param>
    /// <returns>A task.</returns>
    protected static async Task WriteAsync(ICrmStore store, Func<ICrmStoreSession, Task> work)
    {
        await using var session = await store.BeginAsync(write: true, Ct);
        await work(session);
        await session.CommitAsync(Ct);
    }

    /// <summary>Runs work in a write session, commits, and returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="work">The work.</param>
    /// <returns>The result.</returns>
    protected static async Task<T> WriteAsync<T>(ICrmStore store, Func<ICrmStoreSession, Task<T>> work)
    {
        await using var session = await store.BeginAsync(write: true, Ct);
        var result = await work(session);
        await session.CommitAsync(Ct);
        return result;
    }

    /// <summary>Runs work in a read session.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="work">The work.</param>
    /// <returns>The result.</returns>
    protected static async Task<T> ReadAsync<T>(ICrmStore store, Func<ICrmStoreSession, Task<T>> work)
    {
        await using var session = await store.BeginAsync(write: false, Ct);
        return await work(session);
    }

    /// <summary>Queries the sample entity.</summary>
    /// <param name="store">The store.</param>
    /// <param name="filter">The filter.</param>
    /// <param name="sort">The sort; null for id order.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="deleted">Whether to read deleted records.</param>
    /// <param name="after">The keyset position.</param>
    /// <returns>The records.</returns>
    protected static Task<IReadOnlyList<StoredRecord>> QueryAsync(
        ICrmStore store,
        FilterNode? filter = null,
        IReadOnlyList<SortKey>? sort = null,
        int limit = 1000,
        bool deleted = false,
        IReadOnlyList<object?>? after = null) =>
        ReadAsync(store, s => s.QueryAsync(
            Model,
            new StoreQuery { Filter = filter, Sort = sort ?? [ConformanceModel.Asc(ConformanceModel.Id)], Limit = limit, Deleted = deleted, After = after },
            Ct));

    /// <summary>The codes of records, comma-separated, in the given order.</summary>
    /// <param name="records">The records.</param>
    /// <returns>For example <c>r1,r3</c>.</returns>
    protected static string Codes(IEnumerable<StoredRecord> records) => string.Join(",", records.Select(ConformanceRecords.Code));

    /// <summary>The codes of records, comma-separated, in code order.</summary>
    /// <param name="records">The records.</param>
    /// <returns>For example <c>r1,r3</c>.</returns>
    protected static string SortedCodes(IEnumerable<StoredRecord> records) =>
        string.Join(",", records.Select(ConformanceRecords.Code).Order(StringComparer.Ordinal));

    /// <summary>Asserts two records are equal column by column (data byte for byte).</summary>
    /// <param name="actual">The record read.</param>
    /// <param name="expected">The record written.</param>
    protected static void ShouldEqual(StoredRecord? actual, StoredRecord expected)
    {
        actual.ShouldNotBeNull();
        actual.Id.ShouldBe(expected.Id);
        actual.Version.ShouldBe(expected.Version);
        actual.CreatedAt.ShouldBe(expected.CreatedAt);
        actual.CreatedAt.UtcTicks.ShouldBe(expected.CreatedAt.UtcTicks);
        actual.CreatedBy.ShouldBe(expected.CreatedBy);
        actual.UpdatedAt.UtcTicks.ShouldBe(expected.UpdatedAt.UtcTicks);
        actual.UpdatedBy.ShouldBe(expected.UpdatedBy);
        actual.OwnerId.ShouldBe(expected.OwnerId);
        (actual.DeletedAt?.UtcTicks).ShouldBe(expected.DeletedAt?.UtcTicks);
        string.Equals(actual.Data, expected.Data, StringComparison.Ordinal).ShouldBeTrue($"data must be stored byte for byte: {actual.Data}");
    }
}
