using Microsoft.Extensions.DependencyInjection;
using CrmKit.Core;

namespace CrmKit.Storage.Sqlite;

/// <summary>Chooses the embedded SQLite store on the CrmKit builder.</summary>
public static class SqliteCrmKitBuilderExtensions
{
    /// <summary>Stores CrmKit data in a SQLite database file (WAL mode).</summary>
    /// <param name="builder">The CrmKit builder.</param>
    /// <param name="connectionString">The connection string, for example <c>Data Source=crmkit.db</c>.</param>
    /// <returns>The builder.</returns>
    public static CrmKitBuilder UseSqlite(this CrmKitBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCrmKitSqlite(connectionString);
        return builder;
    }

    /// <summary>Stores CrmKit data in SQLite, configured through options.</summary>
    /// <param name="builder">The CrmKit builder.</param>
    /// <param name="configure">Configures the store.</param>
    /// <returns>The builder.</returns>
    public static CrmKitBuilder UseSqlite(this CrmKitBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCrmKitSqlite(configure);
        return builder;
    }
}
