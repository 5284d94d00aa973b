namespace CrmKit.Storage.PostgreSql.Migrations;

/// <summary>Entity metadata: every version of every entity's JSON Schema, field archives, settings.</summary>
internal static class Migration0001Metadata
{
    /// <summary>The migration.</summary>
    /// <remarks>
    /// Instants are canonical text (<c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>: seven fraction digits, where timestamptz keeps
    /// six) with the "C" collation, so text order is time order; documents are text, kept exactly as written.
    /// </remarks>
    public static PostgreSqlMigration Migration { get; } = new(1, "metadata", """
        CREATE TABLE crm_entities (
            entity text COLLATE "C" NOT NULL PRIMARY KEY,
            current_version bigint NOT NULL);
        CREATE TABLE crm_schema_versions (
            entity text COLLATE "C" NOT NULL,
            version bigint NOT NULL,
            schema text NOT NULL,
            changed_at text COLLATE "C" NOT NULL,
            changed_by text NOT NULL,
            diff text NOT NULL,
            PRIMARY KEY (entity, version));
        CREATE TABLE crm_field_archives (
            id uuid NOT NULL PRIMARY KEY,
            entity text COLLATE "C" NOT NULL,
            field text COLLATE "C" NOT NULL,
            schema_version bigint NOT NULL,
            field_schema text NOT NULL,
            required boolean NOT NULL,
            reason text NOT NULL,
            archived_values text NOT NULL,
            value_count integer NOT NULL,
            archived_at text COLLATE "C" NOT NULL,
            archived_by text NOT NULL,
            restored_at text COLLATE "C" NULL);
        CREATE INDEX ix_crm_field_archives__entity ON crm_field_archives (entity, archived_at);
        CREATE TABLE crm_settings (
            key text COLLATE "C" NOT NULL PRIMARY KEY,
            value text NOT NULL,
            version bigint NOT NULL,
            updated_at text COLLATE "C" NOT NULL);
        """);
}
