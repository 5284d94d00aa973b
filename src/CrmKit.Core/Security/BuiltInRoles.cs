namespace CrmKit.Core.Security;

/// <summary>The roles CrmKit defines itself; they cannot be changed or deleted.</summary>
public static class BuiltInRoles
{
    /// <summary>Everything: every record of every entity, every field, every privilege.</summary>
    public const string Administrator = "administrator";

    /// <summary>
    /// The host's own work (<see cref="Sdk.Security.CrmPrincipal.System"/>): unrestricted, like the administrator, and
    /// never given to a user.
    /// </summary>
    public const string System = "system";

    /// <summary>Whether a role name is one of the unrestricted built-in roles.</summary>
    /// <param name="role">The role name.</param>
    /// <returns>True for <see cref="Administrator"/> and <see cref="System"/>.</returns>
    public static bool IsUnrestricted(string role) =>
        string.Equals(role, Administrator, StringComparison.Ordinal) || string.Equals(role, System, StringComparison.Ordinal);
}
