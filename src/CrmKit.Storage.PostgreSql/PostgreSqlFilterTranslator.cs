using CrmKit.Core.Query;
using NpgsqlTypes;

namespace CrmKit.Storage.PostgreSql;

/// <summary>
/// Translates a typed filter tree into a parameterized SQL condition, with the same meaning as the SQLite store's.
/// </summary>
/// <remarks>
/// <para>
/// Filters use two-valued logic: a record either matches or it does not, and <c>not (x)</c> matches exactly the
/// records <c>x</c> does not match, including records without a value. SQL's three-valued logic would drop those
/// (<c>NOT (NULL &gt; 5)</c> is NULL), so negation is pushed down to the leaves, where each operator has a
/// null-aware complement (<c>f &gt; v</c> becomes <c>(f IS NULL OR f &lt;= v)</c>). The positive forms stay
/// plain comparisons of the field's expression so that its expression index applies.
/// </para>
/// <para>
/// Decimal and money values compare exactly (<c>numeric</c>), unlike the SQLite store's IEEE doubles; text compares
/// ordinally (<c>COLLATE "C"</c>, byte order of UTF-8, as SQLite's BINARY).
/// </para>
/// </remarks>
internal static class PostgreSqlFilterTranslator
{
    /// <summary>Appends the condition for <paramref name="filter"/> to <paramref name="statement"/>.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="statement">The statement to extend.</param>
    public static void Translate(FilterNode filter, PostgreSqlStatement statement) => Translate(filter, statement, negated: false);

    private static void Translate(FilterNode filter, PostgreSqlStatement statement, bool negated)
    {
        switch (filter)
        {
            case LogicalFilter logical:
                TranslateLogical(logical, statement, negated);
                break;
            case NotFilter not:
                Translate(not.Operand, statement, !negated);
                break;
            case ComparisonFilter comparison:
                TranslateComparison(comparison, statement, negated);
                break;
            case InFilter inFilter:
                TranslateIn(inFilter, statement, negated);
                break;
            case TextMatchFilter textMatch:
                TranslateTextMatch(textMatch, statement, negated);
                break;
            case HasFilter has:
                TranslateHas(has, statement, negated);
                break;
            default:
                throw new NotSupportedException(PostgreSqlStoreMessages.UnsupportedFilter(filter.GetType()));
        }
    }

    private static void TranslateLogical(LogicalFilter logical, PostgreSqlStatement statement, bool negated)
    {
        // De Morgan: not (a and b) = (not a) or (not b).
        var isAnd = (logical.Operator == LogicalOperator.And) != negated;
        if (logical.Operands.Count == 0)
        {
            statement.Append(isAnd ? "TRUE" : "FALSE");
            return;
        }

        statement.Append("(");
        for (var i = 0; i < logical.Operands.Count; i++)
        {
            if (i > 0)
            {
                statement.Append(isAnd ? " AND " : " OR ");
            }

            Translate(logical.Operands[i], statement, negated);
        }

        statement.Append(")");
    }

    private static void TranslateComparison(ComparisonFilter comparison, PostgreSqlStatement statement, bool negated)
    {
        var field = PostgreSqlSql.FieldExpression(comparison.Field);
        var op = comparison.Operator;
        if (comparison.Value is null)
        {
            // "eq null" means "has no value"; ordering against null matches nothing.
            var condition = op switch
            {
                ComparisonOperator.Eq => negated ? " IS NOT NULL" : " IS NULL",
                ComparisonOperator.Ne => negated ? " IS NULL" : " IS NOT NULL",
                _ => null,
            };
            statement.Append(condition is null ? (negated ? "TRUE" : "FALSE") : field + condition);
            return;
        }

        var value = statement.AddValue(comparison.Field, comparison.Value);
        if (negated)
        {
            op = op switch
            {
                ComparisonOperator.Eq => ComparisonOperator.Ne,
                ComparisonOperator.Ne => ComparisonOperator.Eq,
                ComparisonOperator.Gt => ComparisonOperator.Le,
                ComparisonOperator.Ge => ComparisonOperator.Lt,
                ComparisonOperator.Lt => ComparisonOperator.Ge,
                _ => ComparisonOperator.Gt,
            };
        }

        var sqlOperator = op switch
        {
            ComparisonOperator.Eq => " = ",
            ComparisonOperator.Ne => " IS DISTINCT FROM ",
            ComparisonOperator.Gt => " > ",
            ComparisonOperator.Ge => " >= ",
            ComparisonOperator.Lt => " < ",
            _ => " <= ",
        };

        // The complement of an ordering also holds for records without a value.
        var orNull = negated && op is not (ComparisonOperator.Eq or ComparisonOperator.Ne);
        statement.Append(orNull ? "(" + field + " IS NULL OR " : string.Empty)
            .Append(field).Append(sqlOperator).Append(value)
            .Append(orNull ? ")" : string.Empty);
    }

    private static void TranslateIn(InFilter filter, PostgreSqlStatement statement, bool negated)
    {
        var field = PostgreSqlSql.FieldExpression(filter.Field);
        var values = filter.Values.Where(v => v is not null).ToList();
        if (values.Count == 0)
        {
            statement.Append(negated ? "TRUE" : "FALSE");
            return;
        }

        // One array parameter whatever the list's length: one statement text, and an index applies to "= ANY".
        var array = statement.AddValues(filter.Field, values);
        statement.Append(negated
            ? "(" + field + " IS NULL OR NOT (" + field + " = ANY (" + array + ")))"
            : field + " = ANY (" + array + ")");
    }

    private static void TranslateTextMatch(TextMatchFilter filter, PostgreSqlStatement statement, bool negated)
    {
        var field = PostgreSqlSql.FieldExpression(filter.Field);
        if (filter.Value.Length == 0)
        {
            // Every text contains, starts and ends with the empty string.
            statement.Append(field).Append(negated ? " IS NULL" : " IS NOT NULL");
            return;
        }

        // strpos(), starts_with() and right() compare characters exactly; unlike LIKE they give '%' and '_' no meaning.
        var value = statement.AddParameter(NpgsqlDbType.Text, filter.Value);
        var match = filter.Kind switch
        {
            TextMatchKind.StartsWith => "starts_with(" + field + ", " + value + ")",
            TextMatchKind.EndsWith => "right(" + field + ", length(" + value + ")) = " + value,
            _ => "strpos(" + field + ", " + value + ") > 0",
        };
        statement.Append(negated ? "(" + field + " IS NULL OR NOT (" + match + "))" : match);
    }

    private static void TranslateHas(HasFilter filter, PostgreSqlStatement statement, bool negated)
    {
        // jsonb's "?" finds a string among an array's elements (or equal to a string value, as SQLite's json_each
        // does); a GIN index on the field's jsonb serves the positive form.
        var json = PostgreSqlSql.JsonExpression(filter.Field.Name);
        var value = statement.AddParameter(NpgsqlDbType.Text, filter.Value);
        statement.Append(negated
            ? "NOT coalesce(" + json + " ? " + value + ", FALSE)"
            : json + " ? " + value);
    }
}
