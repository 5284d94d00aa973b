using CrmKit.Core;
using CrmKit.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>Registration and option validation (no server needed: the store opens no connection until used).</summary>
public sealed class PostgreSqlServiceCollectionExtensionsTests
{
    private const string ConnectionString = "Host=localhost;Database=crmkit;Username=crmkit";

    [Fact]
    public void AddCrmKitPostgreSql_ShouldRegisterTheStoreAsASingleton()
    {
        var services = new ServiceCollection().AddCrmKitPostgreSql(ConnectionString);
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<ICrmStore>();

        store.ShouldBeOfType<PostgreSqlCrmStore>();
        provider.GetRequiredService<ICrmStore>().ShouldBeSameAs(store);
        provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value.ConnectionString.ShouldBe(ConnectionString);
    }

    [Fact]
    public void AddCrmKitPostgreSql_ShouldKeepAStoreRegisteredBefore()
    {
        var other = new FakeStore();
        var services = new ServiceCollection().AddSingleton<ICrmStore>(other)
            .AddCrmKitPostgreSql(o => o.ConnectionString = ConnectionString);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ICrmStore>().ShouldBeSameAs(other);
    }

    [Theory]
    [InlineData(" ", 30_000, 10_000)]
    [InlineData(ConnectionString, -1, 10_000)]
    [InlineData(ConnectionString, 30_000, 0)]
    public void AddCrmKitPostgreSql_ShouldRejectInvalidOptions(string connectionString, int commandTimeoutMs, int lockTimeoutMs)
    {
        var services = new ServiceCollection().AddCrmKitPostgreSql(o =>
        {
            o.ConnectionString = connectionString;
            o.CommandTimeout = TimeSpan.FromMilliseconds(commandTimeoutMs);
            o.LockTimeout = TimeSpan.FromMilliseconds(lockTimeoutMs);
        });
        using var provider = services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<ICrmStore>());
        Should.Throw<ArgumentException>(() => new PostgreSqlCrmStore(new PostgreSqlStoreOptions
        {
            ConnectionString = connectionString,
            CommandTimeout = TimeSpan.FromMilliseconds(commandTimeoutMs),
            LockTimeout = TimeSpan.FromMilliseconds(lockTimeoutMs),
        }));
    }

    [Theory]
    [InlineData(ConnectionString, 7, 7)]
    [InlineData(ConnectionString + ";Command Timeout=3", 7, 3)]
    [InlineData(ConnectionString + ";CommandTimeout=4", 7, 4)]
    public void Store_ShouldApplyTheCommandTimeout_UnlessTheConnectionStringSetsOne(string connectionString, int optionSeconds, int expected)
    {
        using var store = new PostgreSqlCrmStore(new PostgreSqlStoreOptions
        {
            ConnectionString = connectionString,
            CommandTimeout = TimeSpan.FromSeconds(optionSeconds),
        });

        new Npgsql.NpgsqlConnectionStringBuilder(store.DataSource.ConnectionString).CommandTimeout.ShouldBe(expected);
    }

    [Fact]
    public void UsePostgreSql_ShouldChooseThePostgreSqlStore()
    {
        var services = new ServiceCollection();
        services.AddCrmKit().UsePostgreSql(o => o.ConnectionString = ConnectionString);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ICrmStore>().ShouldBeOfType<PostgreSqlCrmStore>();
    }

    private sealed class FakeStore : ICrmStore
    {
        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<ICrmStoreSession> BeginAsync(bool write, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
