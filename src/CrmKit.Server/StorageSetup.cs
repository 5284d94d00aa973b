using CrmKit.Core;
using CrmKit.Storage.PostgreSql;
using CrmKit.Storage.Sqlite;

namespace CrmKit.Server;

/// <summary>
/// Chooses the store from <c>CrmKit:Storage:Provider</c>: <c>Sqlite</c> (the default: an embedded file) or
/// <c>PostgreSql</c>; both read their options, the connection string first, from the rest of <c>CrmKit:Storage</c>.
/// </summary>
internal static class StorageSetup
{
    public const string ProviderKey = "CrmKit:Storage:Provider";
    private const string Section = "CrmKit:Storage";

    public static void UseConfiguredStore(this CrmKitBuilder crm, IConfiguration configuration)
    {
        var provider = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            crm.UseSqlite(_ => { });
            crm.Services.AddOptions<SqliteStoreOptions>().BindConfiguration(Section);
            return;
        }

        if (!provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is '{provider}'; use Sqlite (the default) or PostgreSql.");
        }

        // appsettings.json carries SQLite's connection string; a PostgreSQL store needs its own.
        var connectionString = configuration[Section + ":ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString) ||
            connectionString.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is PostgreSql: set CrmKit:Storage:ConnectionString to a PostgreSQL connection string " +
                "(Host=...;Database=...;Username=...; environment variable CRMKIT__STORAGE__CONNECTIONSTRING).");
        }

        crm.UsePostgreSql(_ => { });
        crm.Services.AddOptions<PostgreSqlStoreOptions>().BindConfiguration(Section);
    }
}
