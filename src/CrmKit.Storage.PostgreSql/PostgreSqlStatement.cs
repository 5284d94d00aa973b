using System.Globalization;
using System.Text;
using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Storage.PostgreSql;

/// <summary>
/// SQL text under construction plus its positional parameters (<c>$1</c>, <c>$2</c>, ...). Values from callers only
/// ever enter as parameters; the one literal is the query's LIMIT, an int the builder formats itself.
/// </summary>
internal sealed class PostgreSqlStatement
{
    private readonly List<NpgsqlParameter> _parameters = [];

    /// <summary>The SQL text.</summary>
    public StringBuilder Sql { get; } = new();

    /// <summary>Appends SQL text.</summary>
    /// <param name="sql">Text from this provider, never a value.</param>
    /// <returns>This statement.</returns>
    public PostgreSqlStatement Append(string sql)
    {
        Sql.Append(sql);
        return this;
    }

    /// <summary>
    /// Adds a filter value (typed as in <c>ComparisonFilter.Value</c>) as a parameter of the SQL type of
    /// <paramref name="field"/>'s expression and returns the placeholder. Numbers bind as <c>numeric</c> (or
    /// <c>bigint</c>), so they compare exactly with the stored JSON numbers.
    /// </summary>
    /// <param name="field">The field the value is compared with.</param>
    /// <param name="value">The value; not null.</param>
    /// <returns>The placeholder, such as <c>$1</c>.</returns>
    public string AddValue(FieldReference field, object value) =>
        PostgreSqlSql.ValueType(field) switch
        {
            PostgreSqlValueType.Uuid => AddParameter(NpgsqlDbType.Uuid, ToUuid(field, value)),
            PostgreSqlValueType.Numeric => AddParameter(NumericType(value), ToNumber(field, value)),
            PostgreSqlValueType.Boolean => AddParameter(NpgsqlDbType.Boolean, ToBoolean(field, value)),
            _ => AddParameter(NpgsqlDbType.Text, ToText(value)),
        };

    /// <summary>Adds a list of filter values as one array parameter of the SQL type of <paramref name="field"/>'s expression.</summary>
    /// <param name="field">The field the values are compared with.</param>
    /// <param name="values">The values; none null.</param>
    /// <returns>The placeholder.</returns>
    public string AddValues(FieldReference field, IReadOnlyList<object> values) =>
        PostgreSqlSql.ValueType(field) switch
        {
            PostgreSqlValueType.Uuid => AddParameter(NpgsqlDbType.Array | NpgsqlDbType.Uuid, values.Select(v => ToUuid(field, v)).ToArray()),
            PostgreSqlValueType.Numeric => AddParameter(
                NpgsqlDbType.Array | NpgsqlDbType.Numeric,
                values.Select(v => Convert.ToDecimal(ToNumber(field, v), CultureInfo.InvariantCulture)).ToArray()),
            PostgreSqlValueType.Boolean => AddParameter(NpgsqlDbType.Array | NpgsqlDbType.Boolean, values.Select(v => ToBoolean(field, v)).ToArray()),
            _ => AddParameter(NpgsqlDbType.Array | NpgsqlDbType.Text, values.Select(ToText).ToArray()),
        };

    /// <summary>Adds a raw parameter.</summary>
    /// <param name="type">The PostgreSQL type.</param>
    /// <param name="value">The value (null for SQL NULL).</param>
    /// <returns>The placeholder.</returns>
    public string AddParameter(NpgsqlDbType type, object? value)
    {
        _parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value ?? DBNull.Value });
        return "$" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Creates a command for this statement in the session's transaction.</summary>
    /// <param name="session">The session whose connection and transaction the command uses.</param>
    /// <param name="prefix">Text put before the statement (such as <c>EXPLAIN </c>).</param>
    /// <returns>The command; the caller disposes it.</returns>
    public NpgsqlCommand CreateCommand(PostgreSqlCrmStoreSession session, string? prefix = null)
    {
        var command = session.CreateCommand(prefix is null ? Sql.ToString() : prefix + Sql);
        foreach (var parameter in _parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }

    /// <summary>Formats a value as the text it is compared as (the way the SQLite store binds it).</summary>
    private static string ToText(object value) => value switch
    {
        string s => s,
        Guid g => g.ToString("D", CultureInfo.InvariantCulture),
        DateTimeOffset dto => CanonicalInstant.ToText(dto),
        DateTime dt => CanonicalInstant.ToText(new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind))),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        long or int or decimal or double or float => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new ArgumentException(PostgreSqlStoreMessages.UnsupportedValue(value.GetType()), nameof(value)),
    };

    private static object ToNumber(FieldReference field, object value) => value switch
    {
        long or decimal or double => value,
        int i => (long)i,
        float f => (double)f,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        string s => throw new ArgumentException(PostgreSqlStoreMessages.InvalidValue(s, field.Name), nameof(value)),
        _ => throw new ArgumentException(PostgreSqlStoreMessages.UnsupportedValue(value.GetType()), nameof(value)),
    };

    private static NpgsqlDbType NumericType(object value) => value switch
    {
        long or int => NpgsqlDbType.Bigint,
        double or float => NpgsqlDbType.Double,
        _ => NpgsqlDbType.Numeric,
    };

    private static bool ToBoolean(FieldReference field, object value) => value switch
    {
        bool b => b,
        _ => throw new ArgumentException(PostgreSqlStoreMessages.InvalidValue(value, field.Name), nameof(value)),
    };

    private static Guid ToUuid(FieldReference field, object value) => value switch
    {
        Guid g => g,
        string s when Guid.TryParse(s, out var g) => g,
        _ => throw new ArgumentException(PostgreSqlStoreMessages.InvalidValue(value, field.Name), nameof(value)),
    };
}
