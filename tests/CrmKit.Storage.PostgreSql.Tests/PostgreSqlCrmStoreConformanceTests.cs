using CrmKit.Core.Storage;
using CrmKit.Storage.Conformance;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>
/// Runs the provider-conformance suite against a real PostgreSQL: a fresh database per test. Without
/// <c>CRMKIT_TEST_POSTGRES</c> every test reports itself skipped.
/// </summary>
public sealed class PostgreSqlCrmStoreConformanceTests : CrmStoreConformanceTests, IAsyncLifetime
{
    private readonly List<PostgreSqlTestDatabase> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    protected override async Task<ICrmStore> CreateStoreAsync()
    {
        Skip.If(PostgreSqlTestServer.AdminConnectionString is null, PostgreSqlTestServer.SkipReason);
        var database = await PostgreSqlTestDatabase.CreateAsync();
        _databases.Add(database);
        return database.CreateStore();
    }
}
