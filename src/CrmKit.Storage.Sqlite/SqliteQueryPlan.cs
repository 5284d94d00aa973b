namespace CrmKit.Storage.Sqlite;

/// <summary>How SQLite runs a query (see <see cref="SqliteCrmStoreSession.ExplainAsync"/>).</summary>
/// <param name="Sql">The parameterized SQL text of the query.</param>
/// <param name="Steps">The <c>detail</c> column of each <c>EXPLAIN QUERY PLAN</c> row, in order.</param>
public sealed record SqliteQueryPlan(string Sql, IReadOnlyList<string> Steps)
{
    /// <summary>Tells whether the plan reads through the named index.</summary>
    /// <param name="indexName">The index name, such as <c>ix_contact__email</c>.</param>
    /// <returns>True when a step uses the index.</returns>
    public bool UsesIndex(string indexName) =>
        Steps.Any(s => s.Contains("INDEX " + indexName + " ", StringComparison.Ordinal) || s.EndsWith("INDEX " + indexName, StringComparison.Ordinal));
}
