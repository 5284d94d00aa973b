using CrmKit.Core.Query;

namespace CrmKit.Storage.Sqlite;

/// <summary>
/// Translates a typed filter tree into a parameterized SQL condition.
/// </summary>
/// <remarks>
/// <para>
/// Filters use two-valued logic: a record either matches or it does not, and <c>not (x)</c> matches exactly the
/// records <c>x</c> does not match, including records without a value. SQL's three-valued logic would drop those
/// (<c>NOT (NULL &gt; 5)</c> is NULL), so negation is pushed down to the leaves, where each operator has a
/// null-aware complement (<c>f &gt; v</c> becomes <c>(f IS NULL OR f &lt;= v)</c>). The positive forms stay
/// plain comparisons so that expression indexes apply.
/// </para>
/// <para>
/// Decimal and money values are compared by SQLite as IEEE doubles (<c>json_extract</c> yields REAL for JSON
/// numbers with a fraction) while the stored JSON text stays exact; values with more than 15–17 significant digits
/// may compare equal to their neighbours.
/// </para>
/// </remarks>
internal static class SqliteFilterTranslator
{
    /// <summary>Appends the condition for <paramref name="filter"/> to <paramref name="statement"/>.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="statement">The statement to extend.</param>
    public static void Translate(FilterNode filter, SqliteStatement statement) => Translate(filter, statement, negated: false);

    private static void Translate(FilterNode filter, SqliteStatement statement, bool negated)
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
                throw new NotSupportedException(SqliteStoreMessages.UnsupportedFilter(filter.GetType()));
        }
    }

    private static void TranslateLogical(LogicalFilter logical, SqliteStatement statement, bool negated)
    {
        // De Morgan: not (a and b) = (not a) or (not b).
        var isAnd = (logical.Operator == LogicalOperator.And) != negated;
        if (logical.Operands.Count == 0)
        {
            statement.Append(isAnd ? "1" : "0");
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

    private static void TranslateComparison(ComparisonFilter comparison, SqliteStatement statement, bool negated)
    {
        var field = SqliteSql.FieldExpression(comparison.Field);
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
            statement.Append(condition is null ? (negated ? "1" : "0") : field + condition);
            return;
        }

        var value = statement.AddValue(comparison.Value);
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
            ComparisonOperator.Ne => " IS NOT ",
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

    private static void TranslateIn(InFilter filter, SqliteStatement statement, bool negated)
    {
        var field = SqliteSql.FieldExpression(filter.Field);
        if (!negated && OwnerSet(filter) is { } set)
        {
            // The owner scope of a team: one text parameter "\u001fa\u001fb\u001f" searched with instr() costs SQLite a
            // fraction of an IN list, which it turns into an ephemeral table on every run. Exact, because Core refuses
            // control characters in owner ids, so "\u001f<owner>\u001f" occurs in the set only for a member.
            statement.Append("instr(").Append(statement.AddValue(set)).Append(", char(31) || ").Append(field).Append(" || char(31)) > 0");
            return;
        }

        var values = filter.Values.Where(v => v is not null).ToList();
        if (values.Count == 0)
        {
            statement.Append(negated ? "1" : "0");
            return;
        }

        statement.Append(negated ? "(" + field + " IS NULL OR " + field + " NOT IN (" : field + " IN (");
        for (var i = 0; i < values.Count; i++)
        {
            statement.Append(i > 0 ? ", " : string.Empty).Append(statement.AddValue(values[i]));
        }

        statement.Append(negated ? "))" : ")");
    }

    /// <summary>From how many owners an owner-scope list is searched as one text (below that, IN is as cheap).</summary>
    private const int OwnerSetThreshold = 3;

    /// <summary>The delimited text of an owner set (computed once per list: Core reuses a team's list), or null.</summary>
    private static string? OwnerSet(InFilter filter)
    {
        if (filter.Values.Count < OwnerSetThreshold || !filter.Field.IsSystem || filter.Field.Name != CrmKit.Sdk.Metadata.SystemFields.OwnerId)
        {
            return null;
        }

        return OwnerSets.GetValue(filter.Values, static values =>
        {
            var text = new System.Text.StringBuilder("\u001f");
            foreach (var value in values)
            {
                if (value is not string owner || owner.Contains('\u001f', StringComparison.Ordinal))
                {
                    return NotASet;
                }

                text.Append(owner).Append('\u001f');
            }

            return text.ToString();
        }) is var set && ReferenceEquals(set, NotASet) ? null : set;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<object>, string> OwnerSets = new();
    private static readonly string NotASet = new('\0', 1);

    private static void TranslateTextMatch(TextMatchFilter filter, SqliteStatement statement, bool negated)
    {
        var field = SqliteSql.FieldExpression(filter.Field);
        if (filter.Value.Length == 0)
        {
            // Every text contains, starts and ends with the empty string.
            statement.Append(field).Append(negated ? " IS NULL" : " IS NOT NULL");
            return;
        }

        // instr() and substr() compare characters ordinally; unlike LIKE they give '%' and '_' no meaning.
        var value = statement.AddValue(filter.Value);
        var match = filter.Kind switch
        {
            TextMatchKind.StartsWith => "substr(" + field + ", 1, length(" + value + ")) = " + value,
            TextMatchKind.EndsWith => "substr(" + field + ", -length(" + value + ")) = " + value,
            _ => "instr(" + field + ", " + value + ") > 0",
        };
        statement.Append(negated ? "(" + field + " IS NULL OR NOT (" + match + "))" : match);
    }

    private static void TranslateHas(HasFilter filter, SqliteStatement statement, bool negated)
    {
        var path = SqliteSql.DataPath(filter.Field.Name);
        var value = statement.AddValue(filter.Value);
        statement.Append(negated ? "NOT EXISTS" : "EXISTS")
            .Append(" (SELECT 1 FROM json_each(data, ").Append(path).Append(") WHERE value = ").Append(value).Append(")");
    }
}
