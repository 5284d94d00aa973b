using CrmKit.Core.Storage;
using CrmKit.Storage.PostgreSql;

namespace CrmKit.Server;

/// <summary>
/// <c>CrmKit.Server migrate</c>: brings the configured store's system tables up to date and exits, without serving —
/// the explicit migration step before nodes of a new version start (they would otherwise migrate at start, under the
/// same lock). The <c>crmkit</c> tool is a pure REST client that holds no database credentials, so the step lives here,
/// with the providers and the configuration.
/// </summary>
internal static class StoreMigration
{
    public const string Verb = "migrate";

    /// <summary>Whether the command line asks for the migration step: <c>migrate</c>, or <c>db migrate</c> as in <c>crmkit db migrate</c>.</summary>
    public static bool IsRequested(string[] args) =>
        args.Length > 0 && (args[0] == Verb || (args[0] == "db" && args.Length > 1 && args[1] == Verb));

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var store = services.GetRequiredService<ICrmStore>();
        try
        {
            // An installed edition that excludes this CrmKit version stops the upgrade before anything changes.
            var excluded = await Editions.EditionCompatibility.FindIncompatibilitiesAsync(services, CancellationToken.None);
            if (excluded.Count > 0)
            {
                foreach (var reason in excluded)
                {
                    await error.WriteLineAsync("Migration refused: " + reason);
                }

                return 1;
            }

            if (store is PostgreSqlCrmStore postgres)
            {
                var applied = await postgres.MigrateAsync(CancellationToken.None);
                await output.WriteLineAsync(applied.Count == 0
                    ? "PostgreSQL: the database is up to date; no migration applied."
                    : $"PostgreSQL: applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
                return 0;
            }

            await store.InitializeAsync(CancellationToken.None);
            await output.WriteLineAsync("SQLite: the database file is up to date.");
            return 0;
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync("Migration failed: " + e.Message);
            return 1;
        }
    }
}
