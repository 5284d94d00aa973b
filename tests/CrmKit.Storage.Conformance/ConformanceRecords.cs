using System.Text.Json;
using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;

namespace CrmKit.Storage.Conformance;

/// <summary>Builds and inspects records for the conformance tests.</summary>
public static class ConformanceRecords
{
    /// <summary>An instant with all seven fraction digits in use.</summary>
    public static DateTimeOffset BaseTime { get; } = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567);

    /// <summary>
    /// A deterministic UUIDv7 whose order follows <paramref name="sequence"/>: the timestamp is
    /// <see cref="BaseTime"/> plus <paramref name="sequence"/> milliseconds, the random bits are the sequence.
    /// </summary>
    /// <param name="sequence">The position (0 or more).</param>
    /// <returns>The id.</returns>
    public static Guid NewId(int sequence)
    {
        var ms = BaseTime.ToUnixTimeMilliseconds() + sequence;
        return Guid.Parse(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{ms >> 16:x8}-{ms & 0xFFFF:x4}-7000-8000-{sequence:x12}"));
    }

    /// <summary>Builds a live record at version 1.</summary>
    /// <param name="sequence">Orders the id and the creation time.</param>
    /// <param name="data">The JSON data.</param>
    /// <returns>The record.</returns>
    public static StoredRecord Create(int sequence, string data) => new()
    {
        Id = NewId(sequence),
        Version = 1,
        CreatedAt = BaseTime.AddMinutes(sequence),
        CreatedBy = "tester",
        UpdatedAt = BaseTime.AddMinutes(sequence),
        UpdatedBy = "tester",
        Data = data,
    };

    /// <summary>Copies a record with changes: a new version, and optionally new data or deletion.</summary>
    /// <param name="record">The record.</param>
    /// <param name="data">The new data, or null to keep it.</param>
    /// <param name="deletedAt">The deletion instant (null: live).</param>
    /// <returns>The next version of the record.</returns>
    public static StoredRecord Next(StoredRecord record, string? data = null, DateTimeOffset? deletedAt = null) => new()
    {
        Id = record.Id,
        Version = record.Version + 1,
        CreatedAt = record.CreatedAt,
        CreatedBy = record.CreatedBy,
        UpdatedAt = record.UpdatedAt.AddSeconds(1),
        UpdatedBy = "editor",
        OwnerId = record.OwnerId,
        DeletedAt = deletedAt,
        Data = data ?? record.Data,
    };

    /// <summary>Reads the <c>code</c> label of a record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The code, or null.</returns>
    public static string? Code(StoredRecord record) => (string?)Value(record, ConformanceModel.Code);

    /// <summary>
    /// Reads a field's value the way <see cref="StoreQuery.After"/> and <see cref="ComparisonFilter.Value"/> type it:
    /// string, long, decimal, bool or null; money as its amount; system fields from the columns.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="field">The field.</param>
    /// <returns>The value.</returns>
    public static object? Value(StoredRecord record, FieldReference field)
    {
        if (field.IsSystem)
        {
            return field.Name switch
            {
                "id" => record.Id.ToString("D"),
                "version" => record.Version,
                "created_at" => CanonicalInstant.ToText(record.CreatedAt),
                "created_by" => record.CreatedBy,
                "updated_at" => CanonicalInstant.ToText(record.UpdatedAt),
                "updated_by" => record.UpdatedBy,
                "owner_id" => record.OwnerId,
                "deleted_at" => record.DeletedAt is { } d ? CanonicalInstant.ToText(d) : null,
                _ => throw new ArgumentException($"Unknown system field {field.Name}.", nameof(field)),
            };
        }

        using var document = JsonDocument.Parse(record.Data);
        if (!document.RootElement.TryGetProperty(field.Name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (field.Kind == FieldValueKind.Money)
        {
            element = element.GetProperty("amount");
        }

        return field.Kind switch
        {
            FieldValueKind.Integer => element.GetInt64(),
            FieldValueKind.Decimal or FieldValueKind.Money => element.GetDecimal(),
            FieldValueKind.Boolean => element.GetBoolean(),
            _ => element.GetString(),
        };
    }

    /// <summary>
    /// Orders records the way a store must: ascending keys put nulls first, descending keys put them last; text
    /// compares ordinally.
    /// </summary>
    /// <param name="records">The records.</param>
    /// <param name="sort">The sort keys (ending with the id).</param>
    /// <returns>The records in order.</returns>
    public static IReadOnlyList<StoredRecord> Sort(IEnumerable<StoredRecord> records, IReadOnlyList<SortKey> sort)
    {
        var list = records.ToList();
        list.Sort((a, b) =>
        {
            foreach (var key in sort)
            {
                var c = CompareValues(Value(a, key.Field), Value(b, key.Field));
                if (c != 0)
                {
                    // Nulls sort first ascending and last descending: reversing the whole comparison does both.
                    return key.Descending ? -c : c;
                }
            }

            return 0;
        });
        return list;
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (long x, long y) => x.CompareTo(y),
        (decimal x, decimal y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        _ => throw new ArgumentException($"Cannot compare {a.GetType()} with {b.GetType()}."),
    };
}
