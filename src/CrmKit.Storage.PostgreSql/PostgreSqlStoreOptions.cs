namespace CrmKit.Storage.PostgreSql;

/// <summary>Configures <see cref="PostgreSqlCrmStore"/>.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>
    /// The Npgsql connection string, for example <c>Host=db;Database=crmkit;Username=crmkit;Password=...</c>. Required.
    /// The store builds one <c>NpgsqlDataSource</c> from it; Npgsql's connection pool (on by default) keeps opening a
    /// session cheap. The tables are created in the first schema of the connection's <c>search_path</c>.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// How long one statement may run before Npgsql cancels it (Npgsql's <c>Command Timeout</c>; 30 seconds by default).
    /// A <c>Command Timeout</c> in <see cref="ConnectionString"/> wins over this value. Migrations run without a limit.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a write session waits for a lock before it fails with SQLSTATE <c>55P03</c> (PostgreSQL's
    /// <c>lock_timeout</c>, set for each write transaction): the store-wide write lock every write session takes first,
    /// and the table locks index changes take. Write sessions queue behind each other for at most this long, like the
    /// SQLite store's <c>BusyTimeout</c>. Between one millisecond and 24 days.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the hosted service added by <c>AddCrmKitPostgreSql</c> looks for queued background index builds (30
    /// seconds by default). The node whose metadata change queued a build starts it at once; this interval bounds how
    /// long a build a stopped node left behind waits for another node. Between one second and one day.
    /// </summary>
    public TimeSpan IndexBuildPollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
