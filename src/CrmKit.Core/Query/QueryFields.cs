using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Query;

/// <summary>
/// Resolves the field names used in filters, sorts and selects against an entity's metadata, so that only names
/// found there ever reach a store (identifiers never come from the request text itself).
/// </summary>
internal static class QueryFields
{
    /// <summary>The longest field name CrmKit accepts.</summary>
    public const int MaxNameLength = 63;

    /// <summary>Tells whether <paramref name="name"/> has the shape of a field name (<c>[a-z][a-z0-9_]*</c>).</summary>
    /// <param name="name">The candidate name.</param>
    /// <returns>True when the name is lower snake case and at most <see cref="MaxNameLength"/> characters.</returns>
    public static bool IsValidName(string name)
    {
        if (name.Length is 0 or > MaxNameLength || name[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value kind of a system column, or null when <paramref name="name"/> is not a system field.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The kind of the system column.</returns>
    public static FieldValueKind? SystemKind(string name) => name switch
    {
        SystemFields.Id => FieldValueKind.Reference,
        SystemFields.Version => FieldValueKind.Integer,
        SystemFields.CreatedAt or SystemFields.UpdatedAt or SystemFields.DeletedAt => FieldValueKind.DateTime,
        SystemFields.CreatedBy or SystemFields.UpdatedBy or SystemFields.OwnerId => FieldValueKind.Text,
        _ => null,
    };

    /// <summary>Resolves a field name to the reference stores understand.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="name">The field name as written in the query.</param>
    /// <param name="kindOf">Gives the value kind of a field's type (the field-type registry).</param>
    /// <returns>The field reference, or null when the entity has no such field.</returns>
    public static FieldReference? Resolve(
        EntityDefinition entity, string name, Func<FieldDefinition, FieldValueKind> kindOf) =>
        TryResolve(entity, name, kindOf, out var field, out _) ? field : null;

    /// <summary>Resolves a field name, also returning its definition (null for system columns).</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="name">The field name as written in the query.</param>
    /// <param name="kindOf">Gives the value kind of a field's type.</param>
    /// <param name="field">The field reference.</param>
    /// <param name="definition">The data field's definition; null for system columns.</param>
    /// <returns>True when the entity has the field.</returns>
    public static bool TryResolve(
        EntityDefinition entity,
        string name,
        Func<FieldDefinition, FieldValueKind> kindOf,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FieldReference? field,
        out FieldDefinition? definition)
    {
        field = null;
        definition = null;
        if (!IsValidName(name))
        {
            return false;
        }

        // System columns have fixed kinds whatever type the document declares for them: stores keep them as
        // real columns, not JSON keys.
        if (SystemKind(name) is { } systemKind)
        {
            field = new FieldReference(name, systemKind, IsSystem: true);
            return true;
        }

        definition = entity.FindField(name);
        if (definition is null)
        {
            return false;
        }

        field = new FieldReference(name, kindOf(definition), IsSystem: false);
        return true;
    }

    /// <summary>Tells whether a field name exists on the entity (system fields included).</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="name">The field name.</param>
    /// <returns>True when the field exists.</returns>
    public static bool Exists(EntityDefinition entity, string name) =>
        IsValidName(name) && (SystemKind(name) is not null || entity.FindField(name) is not null);
}
