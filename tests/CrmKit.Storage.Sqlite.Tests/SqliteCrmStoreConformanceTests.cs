using CrmKit.Core.Storage;
using CrmKit.Storage.Conformance;

namespace CrmKit.Storage.Sqlite.Tests;

/// <summary>Runs the provider-conformance suite against a real SQLite file per test.</summary>
public sealed class SqliteCrmStoreConformanceTests : CrmStoreConformanceTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override Task<ICrmStore> CreateStoreAsync() => Task.FromResult<ICrmStore>(_database.CreateStore());
}
