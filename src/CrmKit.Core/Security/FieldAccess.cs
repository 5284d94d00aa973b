namespace CrmKit.Core.Security;

/// <summary>What a role lets its holders do with one field. The values are ordered: a higher one allows more.</summary>
public enum FieldAccess
{
    /// <summary>The field is left out of every answer; it cannot be filtered, sorted, selected or written.</summary>
    Hidden = 0,

    /// <summary>The field is returned but cannot be changed.</summary>
    ReadOnly = 1,

    /// <summary>The field is returned and can be changed (the default).</summary>
    Writable = 2,
}
