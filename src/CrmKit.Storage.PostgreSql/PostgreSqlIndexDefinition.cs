namespace CrmKit.Storage.PostgreSql;

/// <summary>One index a field calls for.</summary>
/// <param name="Name">The index name.</param>
/// <param name="Field">The field.</param>
/// <param name="Sql">The CREATE INDEX statement (also kept as the index's comment).</param>
/// <param name="Unique">Whether it is a field's unique index.</param>
internal sealed record PostgreSqlIndexDefinition(string Name, string Field, string Sql, bool Unique);
