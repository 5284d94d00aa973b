using CrmKit.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmKit.Storage.Sqlite.Tests;

public sealed class SqliteServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCrmKitSqlite_ShouldRegisterTheStoreAsASingleton()
    {
        var services = new ServiceCollection().AddCrmKitSqlite("Data Source=test.db");
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<ICrmStore>();

        store.ShouldBeOfType<SqliteCrmStore>();
        provider.GetRequiredService<ICrmStore>().ShouldBeSameAs(store);
        provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.ConnectionString.ShouldBe("Data Source=test.db");
    }

    [Fact]
    public void AddCrmKitSqlite_ShouldKeepAStoreRegisteredBefore()
    {
        var other = new FakeStore();
        var services = new ServiceCollection().AddSingleton<ICrmStore>(other).AddCrmKitSqlite(o => o.BusyTimeout = TimeSpan.FromSeconds(1));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ICrmStore>().ShouldBeSameAs(other);
    }

    [Fact]
    public void AddCrmKitSqlite_ShouldRejectAnEmptyConnectionString()
    {
        var services = new ServiceCollection().AddCrmKitSqlite(o => o.ConnectionString = " ");
        using var provider = services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<ICrmStore>());
    }

    private sealed class FakeStore : ICrmStore
    {
        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<ICrmStoreSession> BeginAsync(bool write, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
