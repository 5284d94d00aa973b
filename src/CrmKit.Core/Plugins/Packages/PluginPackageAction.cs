namespace CrmKit.Core.Plugins.Packages;

/// <summary>What a plan does to one plugin.</summary>
public enum PluginPackageAction
{
    /// <summary>Stays as it is.</summary>
    Keep = 0,

    /// <summary>Installed; not present before.</summary>
    Install = 1,

    /// <summary>Replaced by a higher version.</summary>
    Upgrade = 2,

    /// <summary>Replaced by a lower version.</summary>
    Downgrade = 3,

    /// <summary>Removed.</summary>
    Remove = 4,
}
