namespace CrmKit.Core.Security;

/// <summary>
/// What a set of roles allows on one entity: the widest scope of each operation over the roles, and for each field the
/// most open access any of the roles that grant something on the entity gives.
/// </summary>
internal sealed class EntityAccess
{
    private readonly AccessScope[] _scopes;
    private readonly Dictionary<string, FieldAccess> _fields;
    private readonly Dictionary<string, FieldAccess>.AlternateLookup<ReadOnlySpan<char>> _fieldsBySpan;
    private readonly string[] _hiddenNames;

    private EntityAccess(AccessScope[] scopes, FieldAccess defaultField, Dictionary<string, FieldAccess> fields)
    {
        _scopes = scopes;
        DefaultField = defaultField;
        _fields = fields;
        _fieldsBySpan = fields.GetAlternateLookup<ReadOnlySpan<char>>();
        HiddenFields = fields.Where(f => f.Value == FieldAccess.Hidden).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        _hiddenNames = [.. HiddenFields];
        RestrictsFields = defaultField != FieldAccess.Writable || fields.Values.Any(a => a != FieldAccess.Writable);
        HidesFields = defaultField == FieldAccess.Hidden || HiddenFields.Count > 0;
    }

    /// <summary>Everything on every record and field.</summary>
    public static EntityAccess Full { get; } =
        new([AccessScope.All, AccessScope.All, AccessScope.All, AccessScope.All, AccessScope.All], FieldAccess.Writable,
            new Dictionary<string, FieldAccess>(StringComparer.Ordinal));

    /// <summary>Nothing.</summary>
    public static EntityAccess Nothing { get; } =
        new([AccessScope.None, AccessScope.None, AccessScope.None, AccessScope.None, AccessScope.None], FieldAccess.Hidden,
            new Dictionary<string, FieldAccess>(StringComparer.Ordinal));

    /// <summary>The access to fields no role names.</summary>
    public FieldAccess DefaultField { get; }

    /// <summary>The named fields that are hidden (with <see cref="DefaultField"/> hidden, the others are too).</summary>
    public IReadOnlySet<string> HiddenFields { get; }

    /// <summary>How many named fields are hidden when the others are readable (0 when every field not named is hidden).</summary>
    public int HiddenNameCount => DefaultField == FieldAccess.Hidden ? 0 : _hiddenNames.Length;

    /// <summary>Whether some field is less than writable.</summary>
    public bool RestrictsFields { get; }

    /// <summary>Whether some field is hidden.</summary>
    public bool HidesFields { get; }

    public AccessScope Scope(AccessRight permission) => _scopes[(int)permission];

    public FieldAccess Field(string name) => _fields.TryGetValue(name, out var access) ? access : DefaultField;

    public bool CanRead(string field) => Field(field) != FieldAccess.Hidden;

    /// <summary>Whether a field named by a slice of JSON text may be read (no string is made for the name).</summary>
    public bool CanRead(ReadOnlySpan<char> field)
    {
        if (DefaultField == FieldAccess.Hidden)
        {
            return _fieldsBySpan.TryGetValue(field, out var access) && access != FieldAccess.Hidden;
        }

        // Usually a role hides a field or two: comparing with those beats hashing every name of every record.
        foreach (var hidden in _hiddenNames)
        {
            if (field.Length == hidden.Length && field.SequenceEqual(hidden))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Combines the grants of the roles that name the entity (or <c>"*"</c>).</summary>
    public static EntityAccess Combine(IReadOnlyList<EntityPermissions> grants)
    {
        if (grants.Count == 0)
        {
            return Nothing;
        }

        var scopes = new AccessScope[5];
        foreach (var grant in grants)
        {
            foreach (var permission in Enum.GetValues<AccessRight>())
            {
                var scope = grant.ScopeOf(permission);
                if (scope > scopes[(int)permission])
                {
                    scopes[(int)permission] = scope;
                }
            }
        }

        var defaultField = grants.Max(g => g.FieldAccessOf("*"));
        var fields = new Dictionary<string, FieldAccess>(StringComparer.Ordinal);
        foreach (var name in grants.SelectMany(g => g.Fields.Keys).Where(n => n != "*").Distinct(StringComparer.Ordinal))
        {
            fields[name] = grants.Max(g => g.FieldAccessOf(name));
        }

        return new EntityAccess(scopes, defaultField, fields);
    }
}
