using CrmKit.Core.Query;
using CrmKit.Core.Storage;

namespace CrmKit.Storage.PostgreSql;

/// <summary>Builds the SELECT and COUNT statements of <see cref="StoreQuery"/>s.</summary>
internal static class PostgreSqlQueryBuilder
{
    /// <summary>Builds the statement of a query: filter, keyset position, order and limit.</summary>
    /// <param name="model">The entity.</param>
    /// <param name="query">The query.</param>
    /// <returns>The statement.</returns>
    public static PostgreSqlStatement Select(EntityStorageModel model, StoreQuery query)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        var statement = new PostgreSqlStatement()
            .Append("SELECT ").Append(PostgreSqlSql.RecordColumns).Append(" FROM ").Append(PostgreSqlSql.Table(model.Entity));
        AppendWhere(statement, query.Filter, query.Deleted);
        if (query.After is { } after)
        {
            if (after.Count != query.Sort.Count)
            {
                throw new ArgumentException(PostgreSqlStoreMessages.AfterLengthMismatch(after.Count, query.Sort.Count), nameof(query));
            }

            if (query.Sort.Count > 0)
            {
                statement.Append(" AND ");
                AppendKeyset(statement, query.Sort, after);
            }
        }

        for (var i = 0; i < query.Sort.Count; i++)
        {
            var key = query.Sort[i];
            statement.Append(i == 0 ? " ORDER BY " : ", ")
                .Append(PostgreSqlSql.FieldExpression(key.Field))
                .Append(key.Descending ? " DESC NULLS LAST" : " ASC NULLS FIRST");
        }

        // The limit is an int (checked above), never user text.
        statement.Append(" LIMIT ").Append(query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return statement;
    }

    /// <summary>Builds the COUNT statement of a filter.</summary>
    /// <param name="model">The entity.</param>
    /// <param name="filter">The filter, or null.</param>
    /// <param name="deleted">Whether deleted (true) or live (false) records count.</param>
    /// <returns>The statement.</returns>
    public static PostgreSqlStatement Count(EntityStorageModel model, FilterNode? filter, bool deleted)
    {
        var statement = new PostgreSqlStatement().Append("SELECT count(*) FROM ").Append(PostgreSqlSql.Table(model.Entity));
        AppendWhere(statement, filter, deleted);
        return statement;
    }

    private static void AppendWhere(PostgreSqlStatement statement, FilterNode? filter, bool deleted)
    {
        // "deleted_at IS NULL" also lets the planner use the partial unique indexes.
        statement.Append(deleted ? " WHERE deleted_at IS NOT NULL" : " WHERE deleted_at IS NULL");
        if (filter is not null)
        {
            statement.Append(" AND ");
            PostgreSqlFilterTranslator.Translate(filter, statement);
        }
    }

    /// <summary>
    /// Appends "strictly after the position" for a sort where ascending keys put nulls first and descending keys
    /// put them last: OR over i of (keys before i equal, key i after its value).
    /// </summary>
    private static void AppendKeyset(PostgreSqlStatement statement, IReadOnlyList<SortKey> sort, IReadOnlyList<object?> after)
    {
        var values = new string?[sort.Count];
        for (var i = 0; i < sort.Count; i++)
        {
            values[i] = after[i] is { } value ? statement.AddValue(sort[i].Field, value) : null;
        }

        // A redundant bound on the first key lets the planner seek its index instead of scanning from the start:
        // every record after the position has k0 >= v0 (ascending) or k0 IS NULL (descending, position at a null).
        var firstKey = PostgreSqlSql.FieldExpression(sort[0].Field);
        if (!sort[0].Descending && values[0] is { } firstValue)
        {
            statement.Append(firstKey).Append(" >= ").Append(firstValue).Append(" AND ");
        }
        else if (sort[0].Descending && values[0] is null)
        {
            statement.Append(firstKey).Append(" IS NULL AND ");
        }

        statement.Append("(");
        var first = true;
        for (var i = 0; i < sort.Count; i++)
        {
            var key = PostgreSqlSql.FieldExpression(sort[i].Field);

            // Nothing comes after a null in NULLS LAST order.
            if (sort[i].Descending && values[i] is null)
            {
                continue;
            }

            statement.Append(first ? "(" : " OR (");
            first = false;
            for (var j = 0; j < i; j++)
            {
                var previous = PostgreSqlSql.FieldExpression(sort[j].Field);
                statement.Append(values[j] is { } v ? previous + " = " + v : previous + " IS NULL").Append(" AND ");
            }

            statement.Append((sort[i].Descending, values[i]) switch
            {
                (false, null) => key + " IS NOT NULL",
                (false, { } v) => key + " > " + v,
                (true, { } v) => "(" + key + " < " + v + " OR " + key + " IS NULL)",
                _ => "FALSE",
            });
            statement.Append(")");
        }

        statement.Append(first ? "FALSE)" : ")");
    }
}
