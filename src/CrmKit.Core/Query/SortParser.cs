using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Query;

/// <summary>
/// Parses a sort (<c>amount desc, created_at</c>) into sort keys that always end with the id, so that the order is
/// total and keyset paging exact. Every failure is a <see cref="Sdk.Errors.CrmException"/> (bad request) pointing at
/// <c>/sort</c>.
/// </summary>
internal static class SortParser
{
    /// <summary>The most keys a client may give (the id tiebreaker is not counted).</summary>
    public const int MaxKeys = 5;

    /// <summary>The longest sort text accepted, in characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>Parses a sort.</summary>
    /// <param name="text">The sort text; null or blank sorts by id (creation order).</param>
    /// <param name="entity">The entity whose fields the sort may use.</param>
    /// <param name="kindOf">Gives the value kind of a field's type (the field-type registry).</param>
    /// <returns>
    /// The keys, ending with <c>id</c> ascending; when the client names <c>id</c> itself, the keys end there (the id
    /// is unique, so keys after it could never change the order).
    /// </returns>
    /// <exception cref="Sdk.Errors.CrmException">The sort is not valid (bad request, pointer <c>/sort</c>).</exception>
    public static IReadOnlyList<SortKey> Parse(
        string? text, EntityDefinition entity, Func<FieldDefinition, FieldValueKind> kindOf)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(kindOf);
        var keys = new List<SortKey>();
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (text.Length > MaxLength)
            {
                throw QueryErrors.Sort(QueryErrors.InvalidSort, "sort.too_long", MaxLength);
            }

            var start = 0;
            while (start <= text.Length)
            {
                var end = text.IndexOf(',', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                if (keys.Count == MaxKeys)
                {
                    throw QueryErrors.Sort(QueryErrors.InvalidSort, "sort.too_many_keys", MaxKeys);
                }

                var key = ParseKey(text, start, end, entity, kindOf);
                if (keys.Exists(k => string.Equals(k.Field.Name, key.Field.Name, StringComparison.Ordinal)))
                {
                    throw QueryErrors.Sort(QueryErrors.InvalidSort, "sort.duplicate", key.Field.Name);
                }

                keys.Add(key);
                start = end + 1;
            }
        }

        var id = keys.FindIndex(k => string.Equals(k.Field.Name, SystemFields.Id, StringComparison.Ordinal));
        if (id >= 0)
        {
            keys.RemoveRange(id + 1, keys.Count - id - 1);
        }
        else
        {
            keys.Add(new SortKey(new FieldReference(SystemFields.Id, FieldValueKind.Reference, IsSystem: true), false));
        }

        return keys;
    }

    private static SortKey ParseKey(
        string text, int start, int end, EntityDefinition entity, Func<FieldDefinition, FieldValueKind> kindOf)
    {
        var parts = new List<(string Text, int Position)>(2);
        var i = start;
        while (i < end)
        {
            if (IsSpace(text[i]))
            {
                i++;
                continue;
            }

            var partStart = i;
            while (i < end && !IsSpace(text[i]))
            {
                i++;
            }

            parts.Add((text[partStart..i], partStart + 1));
        }

        if (parts.Count == 0)
        {
            throw QueryErrors.Sort(QueryErrors.InvalidSort, "sort.empty_key", start + 1);
        }

        if (parts.Count > 2)
        {
            throw QueryErrors.Sort(
                QueryErrors.InvalidSort, "sort.invalid_key", QueryText.Quote(text[start..end].Trim()), parts[0].Position);
        }

        var (name, position) = parts[0];
        if (!QueryFields.TryResolve(entity, name, kindOf, out var field, out _))
        {
            throw QueryErrors.Sort(
                QueryErrors.UnknownField, "sort.unknown_field", entity.Name, QueryText.Quote(name), position);
        }

        if (field.Kind is FieldValueKind.Json or FieldValueKind.TextArray)
        {
            throw QueryErrors.Sort(QueryErrors.FieldNotSortable, "sort.field_not_sortable", field.Name);
        }

        var descending = false;
        if (parts.Count == 2)
        {
            var direction = parts[1].Text;
            if (string.Equals(direction, "desc", StringComparison.OrdinalIgnoreCase))
            {
                descending = true;
            }
            else if (!string.Equals(direction, "asc", StringComparison.OrdinalIgnoreCase))
            {
                throw QueryErrors.Sort(
                    QueryErrors.InvalidSort, "sort.invalid_direction", QueryText.Quote(direction), parts[1].Position);
            }
        }

        return new SortKey(field, descending);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';
}
