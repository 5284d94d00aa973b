namespace CrmKit.Storage.PostgreSql.Migrations;

/// <summary>The transactional outbox (<c>crm_outbox</c>) and the effects recorded under idempotency keys (<c>crm_effects</c>).</summary>
internal static class Migration0002Outbox
{
    /// <summary>The migration.</summary>
    /// <remarks>
    /// Instants are timestamptz holding whole milliseconds. For a running job <c>due_at</c> is its lease expiry, so the
    /// partial index of the jobs still to run serves due pending jobs and expired leases alike.
    /// </remarks>
    public static PostgreSqlMigration Migration { get; } = new(2, "outbox", """
        CREATE TABLE crm_outbox (
            id uuid NOT NULL PRIMARY KEY,
            kind text NOT NULL,
            payload text NOT NULL,
            idempotency_key text NOT NULL,
            correlation_id text NULL,
            state text NOT NULL,
            attempts integer NOT NULL,
            max_attempts integer NOT NULL,
            created_at timestamptz NOT NULL,
            due_at timestamptz NOT NULL,
            lease_until timestamptz NULL,
            owner text NULL,
            last_error text NULL,
            finished_at timestamptz NULL,
            note text NULL);
        CREATE INDEX ix_crm_outbox_due ON crm_outbox (due_at, id) WHERE state IN ('pending', 'running');
        CREATE INDEX ix_crm_outbox_state ON crm_outbox (state, id);
        CREATE TABLE crm_effects (
            idempotency_key text NOT NULL,
            effect text NOT NULL,
            recorded_at timestamptz NOT NULL,
            PRIMARY KEY (idempotency_key, effect));
        """);
}
