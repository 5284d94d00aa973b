namespace CrmKit.Storage.PostgreSql;

/// <summary>How PostgreSQL runs a query (see <see cref="PostgreSqlCrmStoreSession.ExplainAsync"/>).</summary>
/// <param name="Sql">The parameterized SQL text of the query.</param>
/// <param name="Lines">The lines of <c>EXPLAIN</c>'s text output, in order.</param>
public sealed record PostgreSqlQueryPlan(string Sql, IReadOnlyList<string> Lines)
{
    /// <summary>Tells whether the plan reads through the named index (an index, index-only or bitmap index scan).</summary>
    /// <param name="indexName">The index name, such as <c>ix_contact__email</c>.</param>
    /// <returns>True when a line scans the index.</returns>
    public bool UsesIndex(string indexName) =>
        Lines.Any(l =>
            l.Contains(" using " + indexName + " ", StringComparison.Ordinal) ||
            l.Contains("Bitmap Index Scan on " + indexName + " ", StringComparison.Ordinal) ||
            l.TrimEnd().EndsWith("Bitmap Index Scan on " + indexName, StringComparison.Ordinal));
}
