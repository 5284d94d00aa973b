namespace CrmKit.Core.Security;

/// <summary>
/// The administrative privileges a role may grant besides record permissions. The <c>administrator</c> role holds all.
/// </summary>
public static class CrmPrivileges
{
    /// <summary>Create and change entities and fields.</summary>
    public const string MetadataManage = "metadata.manage";

    /// <summary>Manage users, teams, roles and other users' API keys.</summary>
    public const string SecurityManage = "security.manage";

    /// <summary>Enable, disable, reload and configure plugins.</summary>
    public const string PluginsManage = "plugins.manage";

    /// <summary>Create and change workflows; list and retry their runs.</summary>
    public const string WorkflowsManage = "workflows.manage";

    /// <summary>Create, change and delete templates.</summary>
    public const string TemplatesManage = "templates.manage";

    /// <summary>See and requeue outbox jobs.</summary>
    public const string OutboxManage = "outbox.manage";

    /// <summary>Every privilege, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [MetadataManage, SecurityManage, PluginsManage, WorkflowsManage, TemplatesManage, OutboxManage];
}
