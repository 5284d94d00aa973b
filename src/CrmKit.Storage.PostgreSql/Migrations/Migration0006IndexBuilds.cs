namespace CrmKit.Storage.PostgreSql.Migrations;

/// <summary>The field indexes built outside the metadata transaction (<c>CREATE INDEX CONCURRENTLY</c>), with their state.</summary>
internal static class Migration0006IndexBuilds
{
    /// <summary>The migration.</summary>
    /// <remarks>
    /// One row per requested index: <c>definition</c> is the plain <c>CREATE INDEX</c> statement (the index's comment once
    /// built); <c>state</c> is pending, building, ready or failed; <c>builder_pid</c> is the backend building it, which
    /// joins <c>pg_stat_progress_create_index</c> for the progress.
    /// </remarks>
    public static PostgreSqlMigration Migration { get; } = new(6, "index builds", """
        CREATE TABLE crm_index_builds (
            index_name text COLLATE "C" NOT NULL PRIMARY KEY,
            entity text COLLATE "C" NOT NULL,
            field text COLLATE "C" NOT NULL,
            definition text NOT NULL,
            state text NOT NULL,
            requested_at timestamptz NOT NULL,
            started_at timestamptz NULL,
            finished_at timestamptz NULL,
            builder_pid integer NULL,
            error text NULL);
        CREATE INDEX ix_crm_index_builds__entity ON crm_index_builds (entity);
        """);
}
