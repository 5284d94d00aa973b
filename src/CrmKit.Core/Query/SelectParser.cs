using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Query;

/// <summary>
/// Checks the fields a client asks for (<c>select=name,stage</c>) against the entity's metadata. An unknown field is a
/// <see cref="Sdk.Errors.CrmException"/> (bad request, <c>query.unknown_field</c>) pointing at <c>/select</c>.
/// </summary>
internal static class SelectParser
{
    /// <summary>Parses a comma-separated field list.</summary>
    /// <param name="text">The list; null or blank selects every field.</param>
    /// <param name="entity">The entity.</param>
    /// <returns>The field names in the order given, without repeats and blanks; null for every field.</returns>
    /// <exception cref="Sdk.Errors.CrmException">A field is unknown.</exception>
    public static IReadOnlyList<string>? Parse(string? text, EntityDefinition entity) =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(text.Split(','), entity);

    /// <summary>Checks a list of field names.</summary>
    /// <param name="fields">The names (surrounding spaces ignored); null or all blank selects every field.</param>
    /// <param name="entity">The entity.</param>
    /// <returns>The field names in the order given, without repeats and blanks; null for every field.</returns>
    /// <exception cref="Sdk.Errors.CrmException">A field is unknown.</exception>
    public static IReadOnlyList<string>? Parse(IReadOnlyList<string>? fields, EntityDefinition entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (fields is null)
        {
            return null;
        }

        var result = new List<string>(fields.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in fields)
        {
            var name = item?.Trim() ?? string.Empty;
            if (name.Length == 0)
            {
                continue;
            }

            if (!QueryFields.Exists(entity, name))
            {
                throw QueryErrors.Select(
                    QueryErrors.UnknownField, "select.unknown_field", entity.Name, QueryText.Quote(name));
            }

            if (seen.Add(name))
            {
                result.Add(name);
            }
        }

        return result.Count == 0 ? null : result;
    }
}
