using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite.Tests;

/// <summary>A database file in a fresh temporary directory, deleted with the directory on dispose.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    private readonly List<SqliteCrmStore> _stores = [];

    public SqliteTestDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("crmkit-sqlite-");
        Path = System.IO.Path.Combine(Directory.FullName, "crmkit.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path }.ToString();
    }

    public DirectoryInfo Directory { get; }

    public string Path { get; }

    public string ConnectionString { get; }

    public SqliteCrmStore CreateStore(TimeSpan? busyTimeout = null)
    {
        var options = new SqliteStoreOptions { ConnectionString = ConnectionString };
        if (busyTimeout is { } timeout)
        {
            options.BusyTimeout = timeout;
        }

        var store = new SqliteCrmStore(options);
        _stores.Add(store);
        return store;
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A connection still open elsewhere must not fail the test; the OS temp cleanup gets the file later.
        }
    }
}
