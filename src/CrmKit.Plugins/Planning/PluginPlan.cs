using CrmKit.Plugins.Manifest;

namespace CrmKit.Plugins.Planning;

/// <summary>The outcome of <see cref="PluginPlanner.Plan"/>: what loads, in which order, and what is blocked and why.</summary>
public sealed class PluginPlan
{
    /// <summary>Creates a plan.</summary>
    /// <param name="loadOrder">The plugins to load, each after the plugins it depends on.</param>
    /// <param name="blocked">The plugins that will not load.</param>
    public PluginPlan(IReadOnlyList<PluginManifest> loadOrder, IReadOnlyList<BlockedPlugin> blocked)
    {
        ArgumentNullException.ThrowIfNull(loadOrder);
        ArgumentNullException.ThrowIfNull(blocked);
        LoadOrder = [.. loadOrder];
        Blocked = [.. blocked];
    }

    /// <summary>The plugins to load, each after its dependencies; unrelated plugins in ordinal order of their ids.</summary>
    public IReadOnlyList<PluginManifest> LoadOrder { get; }

    /// <summary>The plugins that will not load, ordered by id and then version, each with a code and a reason.</summary>
    public IReadOnlyList<BlockedPlugin> Blocked { get; }

    /// <summary>Whether every candidate loads.</summary>
    public bool IsComplete => Blocked.Count == 0;
}
