namespace CrmKit.Core.Security;

/// <summary>The definitions of <see cref="BuiltInRoles"/>, as the directory lists them.</summary>
internal static class BuiltInRoleDefinitions
{
    public static IReadOnlyList<CrmRole> All { get; } =
    [
        new CrmRole
        {
            Name = BuiltInRoles.Administrator,
            BuiltIn = true,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = "Administrator", ["ru"] = "Администратор" },
            Description = "Every record of every entity, every field and every privilege.",
            Privileges = CrmPrivileges.All,
            Entities = new Dictionary<string, EntityPermissions>(StringComparer.Ordinal)
            {
                ["*"] = new() { Create = AccessScope.All, Read = AccessScope.All, Update = AccessScope.All, Delete = AccessScope.All, Export = AccessScope.All },
            },
        },
        new CrmRole
        {
            Name = BuiltInRoles.System,
            BuiltIn = true,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = "System", ["ru"] = "Система" },
            Description = "The host's own work; never given to an account.",
            Privileges = CrmPrivileges.All,
            Entities = new Dictionary<string, EntityPermissions>(StringComparer.Ordinal)
            {
                ["*"] = new() { Create = AccessScope.All, Read = AccessScope.All, Update = AccessScope.All, Delete = AccessScope.All, Export = AccessScope.All },
            },
        },
    ];
}
