using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CrmKit.Benchmarks.Query;

/// <summary>The raw SQL baseline: one open connection, one prepared command, every column read.</summary>
internal sealed class RawLookup : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _value;

    public RawLookup(SqliteConnection connection)
    {
        _command = connection.CreateCommand();
        _command.CommandText = """
            SELECT id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data
            FROM e_contact
            WHERE json_extract(data, '$.referral_code') = @v AND deleted_at IS NULL
            ORDER BY id
            LIMIT 51
            """;
        _value = _command.Parameters.Add("@v", SqliteType.Text);
        _command.Prepare();
    }

    public (TimeSpan Elapsed, long Rows) Run(string[] values)
    {
        var found = 0L;
        var checksum = 0L;
        var stopwatch = Stopwatch.StartNew();
        foreach (var value in values)
        {
            _value.Value = value;
            using var reader = _command.ExecuteReader();
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

        stopwatch.Stop();
        GC.KeepAlive(checksum);
        return (stopwatch.Elapsed, found);
    }

    public void Dispose() => _command.Dispose();
}
