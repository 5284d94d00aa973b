using System.Globalization;
using CrmKit.Core.Query;
using CrmKit.Core.Storage;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    /// <inheritdoc />
    /// <remarks>
    /// Decimal and money values compare exactly (as <c>numeric</c>); text compares ordinally (<c>COLLATE "C"</c>).
    /// </remarks>
    public async Task<IReadOnlyList<StoredRecord>> QueryAsync(EntityStorageModel model, StoreQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(query);
        var statement = PostgreSqlQueryBuilder.Select(model, query);
        ThrowIfUnusable();
        try
        {
            await using var command = statement.CreateCommand(this);
            var records = new List<StoredRecord>(Math.Min(query.Limit, 1024));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(PostgreSqlRecordReader.Read(reader));
            }

            return records;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(EntityStorageModel model, FilterNode? filter, bool deleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var statement = PostgreSqlQueryBuilder.Count(model, filter, deleted);
        ThrowIfUnusable();
        try
        {
            await using var command = statement.CreateCommand(this);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <summary>
    /// Shows how PostgreSQL would run a query: the SQL text <see cref="QueryAsync"/> sends and the lines of
    /// <c>EXPLAIN</c> for it with its values bound (look for <c>Index Scan using ix_&lt;entity&gt;__&lt;field&gt;</c>). For
    /// diagnostics; the plan depends on the table's statistics, so a small or never analyzed table may be scanned.
    /// </summary>
    /// <param name="model">The entity.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The SQL text and the plan.</returns>
    public async Task<PostgreSqlQueryPlan> ExplainAsync(EntityStorageModel model, StoreQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(query);
        var statement = PostgreSqlQueryBuilder.Select(model, query);
        ThrowIfUnusable();
        try
        {
            await using var command = statement.CreateCommand(this, "EXPLAIN ");
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add(reader.GetString(0));
            }

            return new PostgreSqlQueryPlan(statement.Sql.ToString(), lines);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }
}
