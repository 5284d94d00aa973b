using System.Text;
using Npgsql;

namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>
/// The DDL of one entity table and its indexes as the CrmKit PostgreSQL store created them, rebuilt from the catalog
/// (columns with their types, collations, NOT NULL and generated expressions from <c>pg_attribute</c>, constraints
/// from <c>pg_get_constraintdef</c>, indexes from <c>pg_get_indexdef</c>). The baselines replay exactly these
/// statements, so every contender writes the same table with the same expression indexes: the PostgreSQL counterpart
/// of <see cref="TableLayout"/>.
/// </summary>
internal sealed class PostgreSqlTableLayout
{
    private PostgreSqlTableLayout(string table, IReadOnlyList<(string Type, string Name, string Sql)> objects)
    {
        Table = table;
        Objects = objects;
    }

    public string Table { get; }

    /// <summary>The table first, then its indexes by name.</summary>
    public IReadOnlyList<(string Type, string Name, string Sql)> Objects { get; }

    public IEnumerable<string> IndexNames => Objects.Where(o => o.Type == "index").Select(o => o.Name);

    /// <summary>Reads a table's DDL from a database's catalog.</summary>
    public static PostgreSqlTableLayout Read(NpgsqlConnection connection, string table)
    {
        var lines = new List<string>();
        using (var command = new NpgsqlCommand(
            """
            SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),
                CASE WHEN a.attcollation <> t.typcollation THEN quote_ident(c.collname) END,
                a.attnotnull, a.attgenerated, a.attidentity, pg_get_expr(d.adbin, d.adrelid)
            FROM pg_attribute a
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_collation c ON c.oid = a.attcollation
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """,
            connection))
        {
            command.Parameters.AddWithValue(table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add(Column(reader));
            }
        }

        if (lines.Count == 0)
        {
            throw new InvalidOperationException($"The table {table} does not exist.");
        }

        lines.AddRange(Strings(connection, "SELECT 'CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = to_regclass($1) ORDER BY conname", table));
        var objects = new List<(string, string, string)>
        {
            ("table", table, $"CREATE TABLE {table} (\n    " + string.Join(",\n    ", lines) + ")"),
        };

        // Indexes that back a constraint (the primary key) come with the table.
        using (var command = new NpgsqlCommand(
            """
            SELECT c.relname, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = to_regclass($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY c.relname
            """,
            connection))
        {
            command.Parameters.AddWithValue(table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                objects.Add(("index", reader.GetString(0), reader.GetString(1)));
            }
        }

        return new PostgreSqlTableLayout(table, objects);
    }

    /// <summary>Creates the table and its indexes in another database.</summary>
    public void Create(NpgsqlConnection connection)
    {
        foreach (var (_, _, sql) in Objects)
        {
            PostgreSqlDatabase.Execute(connection, sql);
        }
    }

    /// <summary>Whether another layout has the same statements.</summary>
    public bool SameAs(PostgreSqlTableLayout other) =>
        Objects.Count == other.Objects.Count && Objects.Zip(other.Objects).All(p => p.First == p.Second);

    public override string ToString() => string.Join(";\n", Objects.Select(o => o.Sql)) + ";";

    private static string Column(NpgsqlDataReader reader)
    {
        var column = new StringBuilder(reader.GetString(0)).Append(' ').Append(reader.GetString(1));
        if (!reader.IsDBNull(2))
        {
            column.Append(" COLLATE ").Append(reader.GetString(2));
        }

        if (reader.GetBoolean(3))
        {
            column.Append(" NOT NULL");
        }

        var generated = reader.GetChar(4);
        var identity = reader.GetChar(5);
        var expression = reader.IsDBNull(6) ? null : reader.GetString(6);
        if (generated == 's')
        {
            column.Append(" GENERATED ALWAYS AS (").Append(expression).Append(") STORED");
        }
        else if (identity is 'a' or 'd')
        {
            column.Append(identity == 'a' ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
        }
        else if (expression is not null)
        {
            column.Append(" DEFAULT ").Append(expression);
        }

        return column.ToString();
    }

    private static List<string> Strings(NpgsqlConnection connection, string sql, string table)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(table);
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
