using CrmKit.Core.Storage;
using Npgsql;

namespace CrmKit.Storage.PostgreSql;

/// <summary>The background builds of new field indexes on tables that already exist (<c>CREATE INDEX CONCURRENTLY</c>).</summary>
public sealed partial class PostgreSqlCrmStore
{
    /// <summary>
    /// Builds the queued field indexes now, on the calling flow, each with <c>CREATE INDEX CONCURRENTLY</c> under a lock
    /// that keeps other nodes off it, and drops what interrupted builds left. The store also does this by itself, in the
    /// background, when a metadata change that queued a build commits; the hosted service added by
    /// <c>AddCrmKitPostgreSql</c> calls it at start and every <see cref="PostgreSqlStoreOptions.IndexBuildPollInterval"/>,
    /// so a build a stopped node left behind is finished by another.
    /// </summary>
    /// <param name="cancellationToken">Cancels the run; a build in progress is left for the next run.</param>
    /// <returns>The number of indexes this call built (zero when another run or node holds them).</returns>
    public Task<int> BuildPendingIndexesAsync(CancellationToken cancellationToken) => _indexBuilder.RunAsync(cancellationToken);

    /// <summary>Asks the background builder to look at the queued builds (what a committed metadata change does).</summary>
    internal void WakeIndexBuilder() => _indexBuilder.Wake();

    /// <summary>Completes when the background index builder's current run ends (at once when none runs).</summary>
    internal Task IndexBuilderIdle => _indexBuilder.Idle;

    /// <inheritdoc />
    /// <remarks>
    /// A running build's progress comes from PostgreSQL's <c>pg_stat_progress_create_index</c> for the backend building
    /// it: the phase, and blocks, tuples or waited-for transactions done out of the total, whichever the phase counts.
    /// </remarks>
    public async Task<IReadOnlyList<StoreIndexBuild>> GetIndexBuildsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT b.entity, b.field, b.index_name, b.state, b.requested_at, b.started_at, b.finished_at, b.error, p.phase,
                   CASE WHEN p.blocks_total > 0 THEN p.blocks_done WHEN p.tuples_total > 0 THEN p.tuples_done
                        WHEN p.lockers_total > 0 THEN p.lockers_done END,
                   CASE WHEN p.blocks_total > 0 THEN p.blocks_total WHEN p.tuples_total > 0 THEN p.tuples_total
                        WHEN p.lockers_total > 0 THEN p.lockers_total END
            FROM crm_index_builds b
            LEFT JOIN pg_stat_progress_create_index p ON b.state = 'building' AND p.pid = b.builder_pid
            ORDER BY b.requested_at DESC, b.index_name
            """, connection);
        var builds = new List<StoreIndexBuild>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            builds.Add(new StoreIndexBuild
            {
                Entity = reader.GetString(0),
                Field = reader.GetString(1),
                Index = reader.GetString(2),
                State = reader.GetString(3),
                RequestedAt = reader.GetFieldValue<DateTimeOffset>(4),
                StartedAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                FinishedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                Error = reader.IsDBNull(7) ? null : reader.GetString(7),
                Phase = reader.IsDBNull(8) ? null : reader.GetString(8),
                Done = reader.IsDBNull(9) ? null : reader.GetInt64(9),
                Total = reader.IsDBNull(10) ? null : reader.GetInt64(10),
            });
        }

        return builds;
    }
}
