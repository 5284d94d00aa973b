using CrmKit.Storage.PostgreSql.Migrations;
using Npgsql;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>The versioned migrations of the system tables and the advisory lock they run under.</summary>
public sealed class PostgreSqlMigrationTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private PostgreSqlTestDatabase? _database;

    private PostgreSqlTestDatabase Database => _database!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private async Task<PostgreSqlCrmStore> CreateStoreAsync()
    {
        _database ??= await PostgreSqlTestDatabase.CreateAsync();
        return _database.CreateStore();
    }

    [SkippableFact]
    public async Task Initialize_ShouldApplyEveryMigrationInOrder_AndRecordIt()
    {
        var store = await CreateStoreAsync();

        await store.InitializeAsync(Ct);

        (await Database.ColumnAsync("SELECT version || ':' || name FROM crm_schema_migrations ORDER BY version"))
            .ShouldBe(PostgreSqlMigrations.All.Select(m => (string?)(m.Version + ":" + m.Name)).ToList());
        PostgreSqlMigrations.All.Select(m => m.Version).ShouldBe(Enumerable.Range(1, PostgreSqlMigrations.Latest));
        var tables = await Database.ColumnAsync("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
        tables.ShouldBe(
        new List<string?>
        {
            "crm_attachments", "crm_audit", "crm_effects", "crm_entities", "crm_field_archives", "crm_index_builds", "crm_outbox", "crm_schedule", "crm_schema_migrations",
            "crm_schema_versions", "crm_security", "crm_security_revision", "crm_settings", "crm_templates", "crm_workflow_runs",
            "crm_workflow_steps", "crm_workflows",
        });
    }

    [SkippableFact]
    public async Task Initialize_ShouldLeaveAppliedMigrationsAlone()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var applied = await Database.ColumnAsync("SELECT version || ' ' || applied_at FROM crm_schema_migrations ORDER BY version");

        await store.InitializeAsync(Ct);
        await Database.CreateStore().InitializeAsync(Ct);

        (await Database.ColumnAsync("SELECT version || ' ' || applied_at FROM crm_schema_migrations ORDER BY version")).ShouldBe(applied);
    }

    [SkippableFact]
    public async Task Initialize_ShouldApplyOnlyTheMigrationsTheDatabaseLacks()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var first = await Database.ScalarAsync("SELECT applied_at::text FROM crm_schema_migrations WHERE version = 1");
        await Database.ScalarAsync("DROP TABLE crm_templates; DELETE FROM crm_schema_migrations WHERE version = 4");

        await store.InitializeAsync(Ct);

        (await Database.ScalarAsync("SELECT count(*) FROM crm_schema_migrations")).ShouldBe((long)PostgreSqlMigrations.Latest);
        (await Database.ScalarAsync("SELECT to_regclass('crm_templates') IS NOT NULL")).ShouldBe(true);
        (await Database.ScalarAsync("SELECT applied_at::text FROM crm_schema_migrations WHERE version = 1")).ShouldBe(first);
    }

    [SkippableFact]
    public async Task Initialize_ShouldApplyEachMigrationOnce_WhenNodesStartTogether()
    {
        var nodes = new List<PostgreSqlCrmStore> { await CreateStoreAsync() };
        for (var i = 1; i < 6; i++)
        {
            nodes.Add(Database.CreateStore());
        }

        // Each node has its own data source, as separate processes would; they all start at once.
        using var start = new ManualResetEventSlim();
        var runs = nodes.Select(node => Task.Run(async () =>
        {
            start.Wait(Ct);
            await node.InitializeAsync(Ct);
        })).ToList();
        start.Set();
        await Task.WhenAll(runs);

        (await Database.ScalarAsync("SELECT count(*) FROM crm_schema_migrations")).ShouldBe((long)PostgreSqlMigrations.Latest);
        (await Database.ScalarAsync("SELECT count(*) FROM crm_security_revision")).ShouldBe(1L);
        (await Database.ScalarAsync("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).ShouldBe(0L);
    }

    [SkippableFact]
    public async Task Initialize_ShouldWaitForTheMigrationLock_WhileAnotherNodeHoldsIt()
    {
        var store = await CreateStoreAsync();
        await using var other = new NpgsqlConnection(Database.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgreSqlCrmStore.MigrationLockKey})", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var initialize = store.InitializeAsync(Ct);
        await Task.Delay(500, Ct);
        initialize.IsCompleted.ShouldBeFalse();
        (await Database.ScalarAsync("SELECT to_regclass('crm_schema_migrations') IS NULL")).ShouldBe(true);

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgreSqlCrmStore.MigrationLockKey})", other))
        {
            await release.ExecuteNonQueryAsync();
        }

        await initialize.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        (await Database.ScalarAsync("SELECT count(*) FROM crm_schema_migrations")).ShouldBe((long)PostgreSqlMigrations.Latest);
    }

    [SkippableFact]
    public async Task Initialize_ShouldRefuseADatabaseMigratedByANewerVersion()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var newer = PostgreSqlMigrations.Latest + 1;
        await Database.ScalarAsync($"INSERT INTO crm_schema_migrations (version, name, applied_at) VALUES ({newer}, 'future', now())");

        var error = await Should.ThrowAsync<NotSupportedException>(() => Database.CreateStore().InitializeAsync(Ct));

        error.Message.ShouldContain($"migration {newer}");
        error.Message.ShouldContain($"up to {PostgreSqlMigrations.Latest}");
        (await Database.ScalarAsync("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).ShouldBe(0L);
    }
}
