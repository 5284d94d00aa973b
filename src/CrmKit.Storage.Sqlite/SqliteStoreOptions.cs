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

    /// <summary>
    /// After how many WAL pages a commit checkpoints the log into the database (SQLite's <c>wal_autocheckpoint</c>;
    /// SQLite's own default is 1,000 pages, about 4 MB). CrmKit defaults to 10,000 (about 40 MB): every checkpoint
    /// copies pages and syncs the file, and with the smaller default a stream of 1,000-record batches checkpoints
    /// after nearly every commit. The cost is a larger <c>-wal</c> file between checkpoints.
    /// </summary>
    public int WalAutoCheckpointPages { get; set; } = 10_000;
}
