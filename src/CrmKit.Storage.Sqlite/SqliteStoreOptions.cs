namespace CrmKit.Storage.Sqlite;

/// <summary>Configures <see cref="SqliteCrmStore"/>.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The default connection string: a <c>crmkit.db</c> file in the working directory.</summary>
    public const string DefaultConnectionString = "Data Source=crmkit.db";

    /// <summary>
    /// The Microsoft.Data.Sqlite connection string, for example <c>Data Source=crmkit.db</c>.
    /// Connection pooling (on by default) keeps opening a session cheap.
    /// </summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>
    /// How long a statement waits for a lock held by another connection before it fails with <c>SQLITE_BUSY</c>
    /// (SQLite's <c>busy_timeout</c>). Write sessions queue behind each other for at most this long.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
