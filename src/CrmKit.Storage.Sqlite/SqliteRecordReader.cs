using System.Globalization;
using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

/// <summary>Reads and formats the system columns; rows are read by ordinal in <see cref="SqliteSql.RecordColumns"/> order.</summary>
internal static class SqliteRecordReader
{
    /// <summary>Formats an id the way it is stored: "D" form, lower case.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The text.</returns>
    public static string FormatId(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Reads the record at the reader's current row.</summary>
    /// <param name="reader">A reader positioned on a row selected with <see cref="SqliteSql.RecordColumns"/>.</param>
    /// <returns>The record.</returns>
    public static StoredRecord Read(SqliteDataReader reader) => new()
    {
        Id = Guid.ParseExact(reader.GetString(0), "D"),
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

    /// <summary>Formats an optional instant as a parameter value.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The canonical text or <see cref="DBNull.Value"/>.</returns>
    public static object ToDb(DateTimeOffset? value) => value is { } v ? CanonicalInstant.ToText(v) : DBNull.Value;

    /// <summary>Formats an optional text as a parameter value.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The text or <see cref="DBNull.Value"/>.</returns>
    public static object ToDb(string? value) => value is null ? DBNull.Value : value;
}
