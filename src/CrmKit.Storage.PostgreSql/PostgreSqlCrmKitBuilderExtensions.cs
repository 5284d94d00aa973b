using CrmKit.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Storage.PostgreSql;

/// <summary>Chooses the PostgreSQL store on the CrmKit builder.</summary>
public static class PostgreSqlCrmKitBuilderExtensions
{
    /// <summary>Stores CrmKit data in a PostgreSQL database.</summary>
    /// <param name="builder">The CrmKit builder.</param>
    /// <param name="connectionString">The Npgsql connection string, for example <c>Host=db;Database=crmkit;Username=crmkit;Password=...</c>.</param>
    /// <returns>The builder.</returns>
    public static CrmKitBuilder UsePostgreSql(this CrmKitBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCrmKitPostgreSql(connectionString);
        return builder;
    }

    /// <summary>Stores CrmKit data in PostgreSQL, configured through options.</summary>
    /// <param name="builder">The CrmKit builder.</param>
    /// <param name="configure">Configures the store; <see cref="PostgreSqlStoreOptions.ConnectionString"/> is required.</param>
    /// <returns>The builder.</returns>
    public static CrmKitBuilder UsePostgreSql(this CrmKitBuilder builder, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCrmKitPostgreSql(configure);
        return builder;
    }
}
