using Microsoft.Data.Sqlite;

namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>
/// The DDL of one entity table and its indexes as the CrmKit SQLite store wrote it (read back from
/// <c>sqlite_master</c>). The baselines replay exactly these statements, so every contender writes the same table
/// with the same expression indexes.
/// </summary>
internal sealed class TableLayout
{
    private TableLayout(string table, IReadOnlyList<(string Type, string Name, string Sql)> objects)
    {
        Table = table;
        Objects = objects;
    }

    public string Table { get; }

    /// <summary>The table first, then its indexes by name.</summary>
    public IReadOnlyList<(string Type, string Name, string Sql)> Objects { get; }

    public IEnumerable<string> IndexNames => Objects.Where(o => o.Type == "index").Select(o => o.Name);

    /// <summary>Reads a table's DDL from a database.</summary>
    public static TableLayout Read(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type, name, sql FROM sqlite_master
            WHERE tbl_name = @table AND sql IS NOT NULL
            ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name
            """;
        command.Parameters.AddWithValue("@table", table);
        var objects = new List<(string, string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            objects.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return new TableLayout(table, objects);
    }

    public static TableLayout Read(string path, string table)
    {
        using var connection = SqliteFiles.Open(path);
        return Read(connection, table);
    }

    /// <summary>Creates the table and its indexes in another database.</summary>
    public void Create(SqliteConnection connection)
    {
        foreach (var (_, _, sql) in Objects)
        {
            SqliteFiles.Execute(connection, sql);
        }
    }

    /// <summary>Whether another layout has the same statements.</summary>
    public bool SameAs(TableLayout other) =>
        Objects.Count == other.Objects.Count && Objects.Zip(other.Objects).All(p => p.First == p.Second);

    public override string ToString() => string.Join(";\n", Objects.Select(o => o.Sql)) + ";";
}
