using System.Text.Json;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Query;

/// <summary>
/// Reads a record's values of the sort keys, typed exactly as <see cref="ComparisonFilter.Value"/> (what stores compare
/// and <see cref="CursorCodec"/> encodes): ids and texts as strings, instants in the canonical UTC form, whole numbers
/// as <see cref="long"/>, decimals and money amounts as <see cref="decimal"/>, booleans as <see cref="bool"/>, and
/// null when the record has no value.
/// </summary>
internal static class CursorValues
{
    /// <summary>Reads the values of the sort keys from a stored record.</summary>
    /// <param name="record">The record (usually the last one of a page).</param>
    /// <param name="sort">The sort keys.</param>
    /// <returns>The values, aligned with <paramref name="sort"/>.</returns>
    /// <exception cref="ArgumentException">A key is not sortable (json, multi-enum) or not a known system field.</exception>
    public static IReadOnlyList<object?> From(StoredRecord record, IReadOnlyList<SortKey> sort)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(sort);
        JsonDocument? data = null;
        try
        {
            var values = new object?[sort.Count];
            for (var i = 0; i < sort.Count; i++)
            {
                var field = sort[i].Field;
                values[i] = field.IsSystem
                    ? SystemValue(record, field.Name)
                    : DataValue((data ??= JsonDocument.Parse(record.Data)).RootElement, field);
            }

            return values;
        }
        finally
        {
            data?.Dispose();
        }
    }

    private static object? SystemValue(StoredRecord record, string name) => name switch
    {
        SystemFields.Id => record.Id.ToString("D"),
        SystemFields.Version => record.Version,
        SystemFields.CreatedAt => CanonicalInstant.ToText(record.CreatedAt),
        SystemFields.UpdatedAt => CanonicalInstant.ToText(record.UpdatedAt),
        SystemFields.DeletedAt => record.DeletedAt is { } deletedAt ? CanonicalInstant.ToText(deletedAt) : null,
        SystemFields.CreatedBy => record.CreatedBy,
        SystemFields.UpdatedBy => record.UpdatedBy,
        SystemFields.OwnerId => record.OwnerId,
        _ => throw new ArgumentException($"'{name}' is not a system field.", nameof(name)),
    };

    private static object? DataValue(JsonElement data, FieldReference field)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(field.Name, out var element) ||
            element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // Stored data was validated against the field's type; a value of another shape (left by a forced metadata
        // change) reads as "no value" rather than failing the whole page.
        return field.Kind switch
        {
            FieldValueKind.Text => element.ValueKind == JsonValueKind.String ? element.GetString() : null,
            FieldValueKind.Integer => ReadInteger(element),
            FieldValueKind.Decimal => ReadDecimal(element),
            FieldValueKind.Money => element.ValueKind == JsonValueKind.Object &&
                element.TryGetProperty("amount", out var amount) ? ReadDecimal(amount) : null,
            FieldValueKind.Boolean => element.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            },
            FieldValueKind.Date => ReadString(element, QueryLiterals.TryParseDate),
            FieldValueKind.DateTime => ReadString(element, QueryLiterals.TryParseInstant),
            FieldValueKind.Reference => ReadString(element, QueryLiterals.TryParseReference),
            _ => throw new ArgumentException($"The field '{field.Name}' ({field.Kind}) cannot be sorted.", nameof(field)),
        };
    }

    private static object? ReadInteger(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        if (element.TryGetInt64(out var integer))
        {
            return integer;
        }

        // "3.0" is still the whole number 3.
        return element.TryGetDecimal(out var number) && number == decimal.Truncate(number) &&
            number is >= long.MinValue and <= long.MaxValue
            ? (long)number
            : null;
    }

    private static decimal? ReadDecimal(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number) ? number : null;

    private static string? ReadString(JsonElement element, TryNormalize normalize) =>
        element.ValueKind == JsonValueKind.String && normalize(element.GetString()!, out var value) ? value : null;

    private delegate bool TryNormalize(string text, out string value);
}
