namespace CrmKit.Core.Security;

/// <summary>Which records a permission covers, by the record's owner (<c>owner_id</c>).</summary>
public enum AccessScope
{
    /// <summary>No records.</summary>
    None = 0,

    /// <summary>Records the caller owns.</summary>
    Own = 1,

    /// <summary>Records owned by the caller, by a member of one of the caller's teams, or by one of those teams.</summary>
    Team = 2,

    /// <summary>Every record.</summary>
    All = 3,
}
