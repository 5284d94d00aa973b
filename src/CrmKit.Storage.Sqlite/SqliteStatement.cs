using System.Globalization;
using System.Text;
using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

/// <summary>
/// SQL text under construction plus its parameters. Values from callers only ever enter as parameters; the one
/// literal is the query's LIMIT, an int the builder formats itself.
/// </summary>
internal sealed class SqliteStatement
{
    private readonly List<(string Name, SqliteType Type, object Value)> _parameters = [];

    /// <summary>The SQL text.</summary>
    public StringBuilder Sql { get; } = new();

    /// <summary>Appends SQL text.</summary>
    /// <param name="sql">Text from this provider, never a value.</param>
    /// <returns>This statement.</returns>
    public SqliteStatement Append(string sql)
    {
        Sql.Append(sql);
        return this;
    }

    /// <summary>
    /// Adds a typed value (as in <c>ComparisonFilter.Value</c>) as a parameter and returns the SQL operand that
    /// stands for it. A decimal is bound as its exact text and read with <c>json_extract(@p, '$')</c>: the same
    /// parser turns the stored JSON numbers into SQLite numbers (INTEGER, or REAL, an IEEE double), so a value and
    /// a stored number with the same digits always compare equal, and keyset positions taken from a record match it.
    /// Unlike <c>CAST(@p AS NUMERIC)</c>, a function result has no affinity, which expression indexes require.
    /// </summary>
    /// <param name="value">The value; not null.</param>
    /// <returns>The operand, such as <c>@p0</c> or <c>json_extract(@p0, '$')</c>.</returns>
    public string AddValue(object value)
    {
        switch (value)
        {
            case decimal d:
                return "json_extract(" + AddParameter(SqliteType.Text, d.ToString(CultureInfo.InvariantCulture)) + ", '$')";
            case string s:
                return AddParameter(SqliteType.Text, s);
            case long l:
                return AddParameter(SqliteType.Integer, l);
            case int i:
                return AddParameter(SqliteType.Integer, (long)i);
            case bool b:
                return AddParameter(SqliteType.Integer, b ? 1L : 0L);
            case double or float:
                return AddParameter(SqliteType.Real, Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case Guid g:
                return AddParameter(SqliteType.Text, SqliteRecordReader.FormatId(g));
            case DateTimeOffset dto:
                return AddParameter(SqliteType.Text, CanonicalInstant.ToText(dto));
            case DateTime dt:
                return AddParameter(SqliteType.Text, CanonicalInstant.ToText(new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind))));
            case DateOnly date:
                return AddParameter(SqliteType.Text, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            default:
                throw new ArgumentException(SqliteStoreMessages.UnsupportedValue(value.GetType()), nameof(value));
        }
    }

    /// <summary>Adds a raw parameter.</summary>
    /// <param name="type">The SQLite type.</param>
    /// <param name="value">The value.</param>
    /// <returns>The parameter name.</returns>
    public string AddParameter(SqliteType type, object value)
    {
        var name = SqliteSql.ParameterName(_parameters.Count);
        _parameters.Add((name, type, value));
        return name;
    }

    /// <summary>
    /// Returns the session connection's cached, prepared command for this statement's SQL text with this
    /// statement's values bound. The same text always has the same parameter names (<c>@p0</c>, <c>@p1</c>, ...
    /// in order), so a cached command's parameters are rebound by name in place.
    /// </summary>
    /// <param name="session">The session whose connection runs the command.</param>
    /// <returns>The command; the connection owns it, so do not dispose it.</returns>
    public SqliteCommand GetCommand(SqliteCrmStoreSession session)
    {
        var command = session.GetCommand(Sql.ToString());
        var parameters = command.Parameters;
        if (parameters.Count != _parameters.Count)
        {
            parameters.Clear();
            foreach (var (name, type, _) in _parameters)
            {
                parameters.Add(name, type);
            }
        }

        for (var i = 0; i < _parameters.Count; i++)
        {
            var (name, type, value) = _parameters[i];
            var parameter = parameters[i];
            if (!string.Equals(parameter.ParameterName, name, StringComparison.Ordinal))
            {
                // Not expected (names follow from the text); look the parameter up by name all the same.
                parameter = parameters[name];
            }

            parameter.SqliteType = type;
            parameter.Value = value;
        }

        return command;
    }

    /// <summary>Creates a command for this statement.</summary>
    /// <param name="session">The session whose connection and transaction the command uses.</param>
    /// <param name="prefix">Text put before the statement (such as <c>EXPLAIN QUERY PLAN </c>).</param>
    /// <returns>The command; the caller disposes it.</returns>
    public SqliteCommand CreateCommand(SqliteCrmStoreSession session, string? prefix = null)
    {
        var command = session.CreateCommand(prefix is null ? Sql.ToString() : prefix + Sql);
        foreach (var (name, type, value) in _parameters)
        {
            command.Parameters.Add(name, type).Value = value;
        }

        return command;
    }
}
