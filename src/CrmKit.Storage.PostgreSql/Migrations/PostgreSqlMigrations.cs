namespace CrmKit.Storage.PostgreSql.Migrations;

/// <summary>The migrations this version of the provider knows, in the order they apply.</summary>
/// <remarks>
/// A released migration is never edited: a change of the system tables is a new migration with the next number, in a
/// file of its own. Entity tables (<c>e_&lt;entity&gt;</c>) and their field indexes are not migrated: they follow the
/// entity metadata through <c>EnsureEntityStorageAsync</c>.
/// </remarks>
internal static class PostgreSqlMigrations
{
    /// <summary>Every migration, by ascending version.</summary>
    public static IReadOnlyList<PostgreSqlMigration> All { get; } =
    [
        Migration0001Metadata.Migration,
        Migration0002Outbox.Migration,
        Migration0003Workflows.Migration,
        Migration0004Templates.Migration,
        Migration0005Security.Migration,
        Migration0006IndexBuilds.Migration,
        Migration0007Attachments.Migration,
    ];

    /// <summary>The highest version this provider knows.</summary>
    public static int Latest => All[^1].Version;
}
