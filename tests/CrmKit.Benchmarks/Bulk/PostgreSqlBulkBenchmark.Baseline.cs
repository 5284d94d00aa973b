using System.Diagnostics;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Benchmarks.Bulk;

/// <content>The baseline: raw Npgsql writing the pre-serialized rows with binary COPY into CrmKit's table layout.</content>
internal sealed partial class PostgreSqlBulkBenchmark
{
    /// <summary>The columns every contender writes; <c>data</c> (jsonb) is generated from <c>data_text</c> by the server.</summary>
    private const string CopySql =
        "COPY e_contact (id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data_text) FROM STDIN (FORMAT BINARY)";

    /// <summary>The baseline: raw binary COPY of all rows in one transaction.</summary>
    private Task<TimeSpan> RunRawAsync(int count, bool verify) => RunRawAsync(count, verify, rowsPerTransaction: null);

    /// <summary>
    /// Raw binary COPY; one transaction for all rows unless <paramref name="rowsPerTransaction"/> says otherwise (then
    /// one COPY and one transaction per that many rows).
    /// </summary>
    private async Task<TimeSpan> RunRawAsync(int count, bool verify, int? rowsPerTransaction)
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        using var connection = database.Open();
        Layout.Create(connection);
        await PostgreSqlServer.SettleAsync();

        var stopwatch = Stopwatch.StartNew();
        var perTransaction = rowsPerTransaction ?? count;
        var now = DateTimeOffset.UtcNow;
        var nowText = CanonicalInstant.ToText(now);
        var stored = Data.Stored;
        for (var start = 0; start < count; start += perTransaction)
        {
            using var transaction = connection.BeginTransaction();
            using (var importer = connection.BeginBinaryImport(CopySql))
            {
                for (var i = start; i < Math.Min(count, start + perTransaction); i++)
                {
                    importer.StartRow();

                    // UUIDv7 like CrmKit: time-ordered keys append to the primary key's B-tree.
                    importer.Write(Guid.CreateVersion7(now), NpgsqlDbType.Uuid);
                    importer.Write(1L, NpgsqlDbType.Bigint);
                    importer.Write(nowText, NpgsqlDbType.Text);
                    importer.Write(User, NpgsqlDbType.Text);
                    importer.Write(nowText, NpgsqlDbType.Text);
                    importer.Write(User, NpgsqlDbType.Text);
                    importer.WriteNull();
                    importer.WriteNull();
                    importer.Write(stored[i], NpgsqlDbType.Text);
                }

                importer.Complete();
            }

            transaction.Commit();
        }

        stopwatch.Stop();
        CheckRows(connection, count, "raw Npgsql", verify);
        if (verify)
        {
            var replayed = PostgreSqlTableLayout.Read(connection, Table);
            if (replayed.SameAs(Layout))
            {
                Console.WriteLine("  check: the baseline's table, read back from the catalog, has CrmKit's layout");
            }
            else
            {
                report.SanityFailure("bulk-pg: the replayed table layout differs from CrmKit's:\n" + replayed);
            }
        }

        return stopwatch.Elapsed;
    }

    /// <summary>
    /// The "raw Npgsql batched INSERT": one transaction, and per batch of <see cref="BenchmarkSettings.BatchSize"/>
    /// rows one <c>INSERT ... SELECT * FROM unnest(arrays)</c> (the fastest INSERT form: one statement per batch, no
    /// per-row parse; a multi-row VALUES list or an NpgsqlBatch of single-row INSERTs is slower).
    /// </summary>
    private Task<TimeSpan> RunRawBatchedInsertAsync(int count, bool verify) => RunRawUnnestAsync(count, oneTransaction: true, verify);

    /// <summary>
    /// Raw Npgsql with the store's own statement: per batch one <c>INSERT ... SELECT * FROM unnest(arrays)</c> of the
    /// batch's rows, in one transaction for all or (the breakdown's middle ground between COPY and CrmKit) one per batch.
    /// </summary>
    private async Task<TimeSpan> RunRawUnnestAsync(int count, bool oneTransaction = false, bool verify = false)
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        using var connection = database.Open();
        Layout.Create(connection);
        await PostgreSqlServer.SettleAsync();

        var stopwatch = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var nowText = CanonicalInstant.ToText(now);
        using var whole = oneTransaction ? connection.BeginTransaction() : null;
        for (var start = 0; start < count; start += settings.BatchSize)
        {
            var n = Math.Min(settings.BatchSize, count - start);
            using var perBatch = oneTransaction ? null : connection.BeginTransaction();
            var transaction = whole ?? perBatch;
            using var command = new NpgsqlCommand(
                "INSERT INTO e_contact (id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data_text) " +
                "SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])",
                connection,
                transaction);
            var ids = new Guid[n];
            for (var i = 0; i < n; i++)
            {
                ids[i] = Guid.CreateVersion7(now);
            }

            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, Value = ids });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = Enumerable.Repeat(1L, n).ToArray() });
            foreach (var value in new string?[] { nowText, User, nowText, User, null, null })
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = Enumerable.Repeat(value, n).ToArray() });
            }

            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = Data.Stored[start..(start + n)] });
            command.ExecuteNonQuery();
            perBatch?.Commit();
        }

        whole?.Commit();
        stopwatch.Stop();
        CheckRows(connection, count, "raw Npgsql (unnest INSERT)", verify);
        return stopwatch.Elapsed;
    }
}
