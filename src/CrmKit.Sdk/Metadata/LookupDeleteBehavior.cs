namespace CrmKit.Sdk.Metadata;

/// <summary>What happens to a lookup when the record it points to is deleted.</summary>
public enum LookupDeleteBehavior
{
    /// <summary>The delete is refused while references exist (the default).</summary>
    Restrict = 0,

    /// <summary>The referencing field is cleared.</summary>
    SetNull = 1,
}
