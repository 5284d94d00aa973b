namespace CrmKit.Core.Plugins;

/// <summary>Where a plugin stands in a running host.</summary>
public enum PluginState
{
    /// <summary>Loaded and registered; its extensions are live.</summary>
    Loaded = 0,

    /// <summary>Switched off by an administrator; its code is unloaded, its data kept.</summary>
    Disabled = 1,

    /// <summary>Tried to load and failed (an exception, a timeout, a bad assembly, a conflict); see the reason.</summary>
    Failed = 2,

    /// <summary>Not loaded because planning refused it (dependency, SDK range, duplicate id, cycle, conflict).</summary>
    Blocked = 3,
}
