namespace CrmKit.Storage.PostgreSql.Migrations;

/// <summary>The attachment metadata: one row per file attached to a record; the content lives in a file store.</summary>
internal static class Migration0007Attachments
{
    /// <summary>The migration.</summary>
    public static PostgreSqlMigration Migration { get; } = new(7, "attachments", """
        CREATE TABLE crm_attachments (
            id uuid NOT NULL PRIMARY KEY,
            entity text COLLATE "C" NOT NULL,
            record_id uuid NOT NULL,
            file_name text NOT NULL,
            content_type text NOT NULL,
            length bigint NOT NULL,
            sha256 text COLLATE "C" NOT NULL,
            store text COLLATE "C" NOT NULL,
            key text COLLATE "C" NOT NULL,
            created_at text COLLATE "C" NOT NULL,
            created_by text NOT NULL);
        CREATE INDEX crm_attachments_record ON crm_attachments (entity, record_id, created_at, id);
        CREATE INDEX crm_attachments_store ON crm_attachments (store, id);
        """);
}
