using System.Globalization;
using CrmKit.Core.Storage;
using Npgsql;

namespace CrmKit.Storage.PostgreSql;

/// <summary>Reads and formats the system columns; rows are read by ordinal in <see cref="PostgreSqlSql.RecordColumns"/> order.</summary>
internal static class PostgreSqlRecordReader
{
    /// <summary>Reads the record at the reader's current row.</summary>
    /// <param name="reader">A reader positioned on a row selected with <see cref="PostgreSqlSql.RecordColumns"/>.</param>
    /// <returns>The record.</returns>
    public static StoredRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        Version = reader.GetInt64(1),
        CreatedAt = ParseInstant(reader.GetString(2)),
        CreatedBy = reader.GetString(3),
        UpdatedAt = ParseInstant(reader.GetString(4)),
        UpdatedBy = reader.GetString(5),
        OwnerId = reader.IsDBNull(6) ? null : reader.GetString(6),
        DeletedAt = reader.IsDBNull(7) ? null : ParseInstant(reader.GetString(7)),
        Data = reader.GetString(8),
    };

    /// <summary>Parses a stored instant; the canonical form takes the fast path.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The instant (UTC).</returns>
    public static DateTimeOffset ParseInstant(string text) =>
        DateTime.TryParseExact(
            text,
            CanonicalInstant.Format,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : CanonicalInstant.Parse(text);

    /// <summary>Reads an optional canonical instant column.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The instant, or null.</returns>
    public static DateTimeOffset? ReadInstant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseInstant(reader.GetString(ordinal));

    /// <summary>Reads an optional text column.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The text, or null.</returns>
    public static string? ReadText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Formats an optional instant for a canonical-text column.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The canonical text, or null.</returns>
    public static string? ToText(DateTimeOffset? value) => value is { } v ? CanonicalInstant.ToText(v) : null;
}
