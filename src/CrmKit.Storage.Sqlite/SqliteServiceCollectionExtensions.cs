using CrmKit.Core.Storage;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteCrmStore"/> as the <see cref="ICrmStore"/> singleton unless a store is already
    /// registered, and configures <see cref="SqliteStoreOptions"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddCrmKitSqlite(this IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SqliteStoreOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), SqliteStoreMessages.ConnectionStringRequired)
            .Validate(o => o.BusyTimeout >= TimeSpan.Zero && o.BusyTimeout.TotalMilliseconds <= int.MaxValue, SqliteStoreMessages.BusyTimeoutInvalid)
            .ValidateOnStart();
        services.TryAddSingleton<SqliteCrmStore>();
        services.TryAddSingleton<ICrmStore>(sp => sp.GetRequiredService<SqliteCrmStore>());
        return services;
    }

    /// <summary>
    /// Registers <see cref="SqliteCrmStore"/> as the <see cref="ICrmStore"/> singleton unless a store is already
    /// registered, over the given database.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">The connection string, for example <c>Data Source=crmkit.db</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddCrmKitSqlite(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddCrmKitSqlite(o => o.ConnectionString = connectionString);
    }
}
