using Microsoft.Data.Sqlite;

namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>Temporary database files and the connection settings every contender shares.</summary>
internal static class SqliteFiles
{
    /// <summary>
    /// The PRAGMAs CrmKit's SQLite store sets on every connection (WAL, synchronous=NORMAL, a busy timeout, wal_autocheckpoint);
    /// the baselines set the same ones.
    /// </summary>
    public const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA wal_autocheckpoint = 10000;";

    private static int _counter;

    public static string NewPath(string workDirectory, string name) =>
        Path.Combine(workDirectory, $"{name}-{Interlocked.Increment(ref _counter)}.db");

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    /// <summary>Opens a connection with the shared PRAGMAs applied.</summary>
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        Execute(connection, Pragmas);
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long FileSize(string path) =>
        (File.Exists(path) ? new FileInfo(path).Length : 0) + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);

    /// <summary>Deletes a database and its WAL files (after closing pooled connections).</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still held open is left behind in the work directory, which is removed at the end.
            }
        }
    }
}
