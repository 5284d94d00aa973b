using CrmKit.Core.Query;
using CrmKit.Core.Storage;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    /// <inheritdoc />
    /// <remarks>
    /// Decimal and money values are compared as IEEE doubles by SQLite (the stored JSON text stays exact), so
    /// values that differ only beyond about 15 significant digits compare as equal.
    /// </remarks>
    public async Task<IReadOnlyList<StoredRecord>> QueryAsync(EntityStorageModel model, StoreQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfUnusable();
        try
        {
            var command = SqliteQueryBuilder.Select(model, query).GetCommand(this);
            var records = new List<StoredRecord>(Math.Min(query.Limit, 1024));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(SqliteRecordReader.Read(reader));
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
        ThrowIfUnusable();
        try
        {
            var command = SqliteQueryBuilder.Count(model, filter, deleted).GetCommand(this);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <summary>
    /// Shows how SQLite would run a query: the SQL text <see cref="QueryAsync"/> sends and the steps of
    /// <c>EXPLAIN QUERY PLAN</c> (look for <c>USING INDEX ix_&lt;entity&gt;__&lt;field&gt;</c>). For diagnostics.
    /// </summary>
    /// <param name="model">The entity.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The SQL text and the plan.</returns>
    public async Task<SqliteQueryPlan> ExplainAsync(EntityStorageModel model, StoreQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(query);
        var statement = SqliteQueryBuilder.Select(model, query);
        ThrowIfUnusable();
        try
        {
            await using var command = statement.CreateCommand(this, "EXPLAIN QUERY PLAN ");
            var steps = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // Columns: id, parent, notused, detail.
                steps.Add(reader.GetString(3));
            }

            return new SqliteQueryPlan(statement.Sql.ToString(), steps);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }
}
