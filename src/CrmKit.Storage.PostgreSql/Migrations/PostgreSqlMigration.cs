namespace CrmKit.Storage.PostgreSql.Migrations;

/// <summary>One step of the system tables' schema, applied once per database and recorded in <c>crm_schema_migrations</c>.</summary>
/// <param name="Version">The migration's number; migrations apply in this order and are never renumbered or edited once released.</param>
/// <param name="Name">A short name, recorded with the version.</param>
/// <param name="Sql">The statements, run in one transaction with the row that records them.</param>
internal sealed record PostgreSqlMigration(int Version, string Name, string Sql);
