using CrmKit.Core.Storage;
using CrmKit.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PostgreSqlCrmStore"/> as the <see cref="ICrmStore"/> singleton unless a store is already
    /// registered, configures <see cref="PostgreSqlStoreOptions"/> (validated when the host starts), and adds the hosted
    /// service that finishes queued background index builds (at start and every
    /// <see cref="PostgreSqlStoreOptions.IndexBuildPollInterval"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options; <see cref="PostgreSqlStoreOptions.ConnectionString"/> is required.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddCrmKitPostgreSql(this IServiceCollection services, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PostgreSqlStoreOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), PostgreSqlStoreMessages.ConnectionStringRequired)
            .Validate(o => PostgreSqlCrmStore.IsValidCommandTimeout(o.CommandTimeout), PostgreSqlStoreMessages.CommandTimeoutInvalid)
            .Validate(o => PostgreSqlCrmStore.IsValidLockTimeout(o.LockTimeout), PostgreSqlStoreMessages.LockTimeoutInvalid)
            .Validate(o => o.IndexBuildPollInterval >= TimeSpan.FromSeconds(1) && o.IndexBuildPollInterval <= TimeSpan.FromDays(1), PostgreSqlStoreMessages.IndexBuildPollIntervalInvalid)
            .ValidateOnStart();
        services.TryAddSingleton<PostgreSqlCrmStore>();
        services.TryAddSingleton<ICrmStore>(sp => sp.GetRequiredService<PostgreSqlCrmStore>());
        services.AddHostedService<PostgreSqlIndexBuildService>();
        return services;
    }

    /// <summary>
    /// Registers <see cref="PostgreSqlCrmStore"/> as the <see cref="ICrmStore"/> singleton unless a store is already
    /// registered, over the given database.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">The Npgsql connection string, for example <c>Host=db;Database=crmkit;Username=crmkit;Password=...</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddCrmKitPostgreSql(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddCrmKitPostgreSql(o => o.ConnectionString = connectionString);
    }
}
