namespace CrmKit.Storage.PostgreSql.Migrations;

/// <summary>The security directory, its revision counter and the audit trail.</summary>
internal static class Migration0005Security
{
    /// <summary>The migration.</summary>
    /// <remarks>
    /// The audit trail is numbered by an identity column; its index ends with the number, so the entries of one record
    /// are read newest first straight from it.
    /// </remarks>
    public static PostgreSqlMigration Migration { get; } = new(5, "security", """
        CREATE TABLE crm_security (
            kind text COLLATE "C" NOT NULL,
            id text COLLATE "C" NOT NULL,
            document text NOT NULL,
            version bigint NOT NULL,
            updated_at text COLLATE "C" NOT NULL,
            updated_by text NOT NULL,
            PRIMARY KEY (kind, id));
        CREATE TABLE crm_security_revision (
            id integer NOT NULL PRIMARY KEY CHECK (id = 1),
            revision bigint NOT NULL);
        INSERT INTO crm_security_revision (id, revision) VALUES (1, 0);
        CREATE TABLE crm_audit (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            entity text COLLATE "C" NOT NULL,
            record_id uuid NOT NULL,
            operation text NOT NULL,
            at text COLLATE "C" NOT NULL,
            user_id text NOT NULL,
            user_name text NOT NULL,
            channel text NOT NULL,
            source text NULL,
            record_version bigint NOT NULL,
            old_values text NULL,
            new_values text NULL);
        CREATE INDEX ix_crm_audit__record ON crm_audit (entity, record_id, seq);
        """);
}
