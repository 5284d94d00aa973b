namespace CrmKit.Storage.PostgreSql.Migrations;

/// <summary>The template store: one row per template name and locale.</summary>
internal static class Migration0004Templates
{
    /// <summary>The migration.</summary>
    public static PostgreSqlMigration Migration { get; } = new(4, "templates", """
        CREATE TABLE crm_templates (
            name text COLLATE "C" NOT NULL,
            locale text COLLATE "C" NOT NULL,
            kind text NOT NULL,
            source text NOT NULL,
            description text NULL,
            version bigint NOT NULL,
            updated_at text COLLATE "C" NOT NULL,
            updated_by text NOT NULL,
            PRIMARY KEY (name, locale));
        """);
}
