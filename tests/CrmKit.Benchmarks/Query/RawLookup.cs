using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CrmKit.Benchmarks.Query;

/// <summary>
/// The raw SQL baseline: one open connection, one prepared command, every column read. Also runs variants of it for
/// the breakdown (CrmKit's exact SQL text; a new, unprepared command per lookup).
/// </summary>
internal sealed class RawLookup : IDisposable
{
    public const string Sql = """
        SELECT id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data
        FROM e_contact
        WHERE json_extract(data, '$.referral_code') = @v AND deleted_at IS NULL
        ORDER BY id
        LIMIT 51
        """;

    private readonly SqliteConnection _connection;
    private readonly string _sql;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _value;
    private readonly long? _limit;

    /// <param name="connection">An open connection.</param>
    /// <param name="sql">The statement: <c>@v</c> or <c>@p0</c> is the value, <c>@p1</c> (if present) the limit.</param>
    public RawLookup(SqliteConnection connection, string sql = Sql)
    {
        _connection = connection;
        _sql = sql;
        _limit = sql.Contains("@p1", StringComparison.Ordinal) ? 51 : null;
        _command = CreateCommand(out _value);
        _command.Prepare();
    }

    public (TimeSpan Elapsed, long Rows) Run(string[] values) => Run(values, prepared: true);

    /// <summary>Runs the lookups with the prepared command, or with a new command (prepared anew) per lookup.</summary>
    public (TimeSpan Elapsed, long Rows) Run(string[] values, bool prepared)
    {
        var found = 0L;
        var checksum = 0L;
        var stopwatch = Stopwatch.StartNew();
        foreach (var value in values)
        {
            SqliteCommand command;
            SqliteParameter parameter;
            if (prepared)
            {
                (command, parameter) = (_command, _value);
            }
            else
            {
                command = CreateCommand(out parameter);
            }

            parameter.Value = value;
            using (var reader = command.ExecuteReader())
            {
                var rows = 0;
                while (reader.Read() && rows < 50)
                {
                    // Materialize every column, as CrmKit does (it also parses id, instants and the JSON).
                    checksum += reader.GetString(0).Length + reader.GetInt64(1) + reader.GetString(2).Length + reader.GetString(3).Length +
                        reader.GetString(4).Length + reader.GetString(5).Length + (reader.IsDBNull(6) ? 0 : reader.GetString(6).Length) +
                        (reader.IsDBNull(7) ? 0 : reader.GetString(7).Length) + reader.GetString(8).Length;
                    rows++;
                }

                found += rows;
            }

            if (!prepared)
            {
                command.Dispose();
            }
        }

        stopwatch.Stop();
        GC.KeepAlive(checksum);
        return (stopwatch.Elapsed, found);
    }

    public void Dispose() => _command.Dispose();

    private SqliteCommand CreateCommand(out SqliteParameter value)
    {
        var command = _connection.CreateCommand();
        command.CommandText = _sql;
        value = command.Parameters.Add(_sql.Contains("@p0", StringComparison.Ordinal) ? "@p0" : "@v", SqliteType.Text);
        if (_limit is { } limit)
        {
            command.Parameters.Add("@p1", SqliteType.Integer).Value = limit;
        }

        return command;
    }
}
