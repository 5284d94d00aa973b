using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Storage.PostgreSql;

/// <summary>Typed positional parameters: every value is bound with its PostgreSQL type, nulls included.</summary>
public sealed partial class PostgreSqlCrmStoreSession
{
    internal static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Bigint(long? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Integer(int value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = value };

    private static NpgsqlParameter Uuid(Guid? value) => new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Boolean(bool value) => new() { NpgsqlDbType = NpgsqlDbType.Boolean, Value = value };

    /// <summary>An instant as canonical text (seven fraction digits, UTC), the form ordinal comparison orders by time.</summary>
    private static NpgsqlParameter Instant(DateTimeOffset? value) => Text(PostgreSqlRecordReader.ToText(value));

    /// <summary>An instant for a <c>timestamptz</c> column of the outbox: UTC, cut to whole milliseconds as the SQLite store keeps it.</summary>
    private static NpgsqlParameter Timestamp(DateTimeOffset? value) => new()
    {
        NpgsqlDbType = NpgsqlDbType.TimestampTz,
        Value = value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v.ToUnixTimeMilliseconds()) : DBNull.Value,
    };
}
