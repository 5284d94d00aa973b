using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Benchmarks.Query;

/// <summary>
/// The raw SQL baseline on PostgreSQL: one open connection, one prepared command on the same expression the field
/// index is built on, every column read. Also runs variants of it for the breakdown (CrmKit's exact SQL text; a new,
/// unprepared command per lookup; a read transaction per lookup as CrmKit's sessions have).
/// </summary>
internal sealed class PostgreSqlRawLookup : IDisposable
{
    /// <summary>The query: the <c>WHERE</c> expression is the one <c>ix_contact__referral_code</c> indexes.</summary>
    public const string Sql = """
        SELECT id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data_text
        FROM e_contact
        WHERE ((data ->> 'referral_code') COLLATE "C") = $1 AND deleted_at IS NULL
        ORDER BY id
        LIMIT 51
        """;

    private readonly NpgsqlConnection _connection;
    private readonly string _sql;
    private readonly NpgsqlCommand _command;
    private readonly NpgsqlParameter _value;

    /// <param name="connection">An open connection.</param>
    /// <param name="sql">The statement: <c>$1</c> is the value.</param>
    public PostgreSqlRawLookup(NpgsqlConnection connection, string sql = Sql)
    {
        _connection = connection;
        _sql = sql;
        _command = CreateCommand(null, out _value);
        _command.Prepare();
    }

    public (TimeSpan Elapsed, long Rows) Run(string[] values) => Run(values, prepared: true, transaction: false);

    /// <summary>
    /// Runs the lookups with the prepared command, or with a new command (parsed and planned anew by the server) per
    /// lookup; <paramref name="transaction"/> wraps each lookup in <c>BEGIN ISOLATION LEVEL REPEATABLE READ</c> ...
    /// <c>ROLLBACK</c>, as a CrmKit read session does.
    /// </summary>
    public (TimeSpan Elapsed, long Rows) Run(string[] values, bool prepared, bool transaction)
    {
        var found = 0L;
        var checksum = 0L;
        var stopwatch = Stopwatch.StartNew();
        foreach (var value in values)
        {
            using var tx = transaction ? _connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead) : null;
            NpgsqlCommand command;
            NpgsqlParameter parameter;
            if (prepared)
            {
                (command, parameter) = (_command, _value);
                command.Transaction = tx;
            }
            else
            {
                command = CreateCommand(tx, out parameter);
            }

            parameter.Value = value;
            using (var reader = command.ExecuteReader())
            {
                var rows = 0;
                while (reader.Read() && rows < 50)
                {
                    // Materialize every column, as CrmKit does (it also parses the instants and the JSON).
                    checksum += reader.GetGuid(0).GetHashCode() + reader.GetInt64(1) + reader.GetString(2).Length + reader.GetString(3).Length +
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

    private NpgsqlCommand CreateCommand(NpgsqlTransaction? transaction, out NpgsqlParameter value)
    {
        var command = new NpgsqlCommand(_sql, _connection, transaction);
        value = new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text };
        command.Parameters.Add(value);
        return command;
    }
}
