namespace CrmKit.Core.Plugins.Packages;

/// <summary>The outcome of planning a plugin package change: every plugin's step, and every problem found.</summary>
public sealed class PluginPackagePlan
{
    /// <summary>One step per plugin of the resulting set and per removed plugin, ordered by id.</summary>
    public IReadOnlyList<PluginPackageStep> Steps { get; init; } = [];

    /// <summary>Everything that stops the plan from being applied; empty when it can be.</summary>
    public IReadOnlyList<PluginPackageProblem> Problems { get; init; } = [];

    /// <summary>Whether the plan is a restore of <c>plugins.lock.json</c> (hashes must match the pinned ones).</summary>
    public bool IsRestore { get; init; }

    /// <summary>Whether the plan can be applied (it has no problems).</summary>
    public bool CanApply => Problems.Count == 0;

    /// <summary>Whether applying the plan would change anything.</summary>
    public bool HasChanges => Steps.Any(s => s.Action != PluginPackageAction.Keep);
}
