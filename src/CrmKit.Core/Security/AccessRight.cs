namespace CrmKit.Core.Security;

/// <summary>The operations a role grants on an entity's records, each with its own <see cref="AccessScope"/>.</summary>
public enum AccessRight
{
    /// <summary>Create records (the scope limits whom the new record may be owned by).</summary>
    Create = 0,

    /// <summary>Read and query records (and their history).</summary>
    Read = 1,

    /// <summary>Change records, assign them and send them messages.</summary>
    Update = 2,

    /// <summary>Delete and restore records.</summary>
    Delete = 3,

    /// <summary>Export records (CSV, accounting exports).</summary>
    Export = 4,
}
