namespace CrmKit.Core.Plugins.Packages;

/// <summary>What a plugin package plan should do: install, update and remove plugins, within constraints.</summary>
public sealed class PluginPackageRequest
{
    /// <summary>Plugins to install, or to move into the given range when installed.</summary>
    public IReadOnlyList<PluginPackageRequirement> Install { get; init; } = [];

    /// <summary>Installed plugins to update to the latest version the rules and constraints allow.</summary>
    public IReadOnlyList<string> Update { get; init; } = [];

    /// <summary>Installed plugins to remove; refused while another plugin that stays depends on one of them.</summary>
    public IReadOnlyList<string> Remove { get; init; } = [];

    /// <summary>Whether prerelease versions may be chosen (also when the host does not allow them by default).</summary>
    public bool IncludePrerelease { get; init; }

    /// <summary>Extra constraints to honour besides those of the registered constraint sources.</summary>
    public IReadOnlyList<PluginPackageConstraint> Constraints { get; init; } = [];
}
