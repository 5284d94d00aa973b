using CrmKit.Core.Plugins.Packages;

namespace CrmKit.Core.Editions;

/// <summary>What installing or upgrading an edition changes, computed without changing anything.</summary>
public sealed class EditionPlan
{
    /// <summary>The edition id.</summary>
    public required string Id { get; init; }

    /// <summary>The edition's title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The installed version, or null when the edition is not installed.</summary>
    public string? FromVersion { get; init; }

    /// <summary>The version the plan installs.</summary>
    public required string ToVersion { get; init; }

    /// <summary>The feed the package came from.</summary>
    public string? Source { get; init; }

    /// <summary>Whether this is a no-op: the same version is installed already.</summary>
    public bool UpToDate { get; init; }

    /// <summary>The plugin steps (install, upgrade, keep...), as the plugin package manager plans them.</summary>
    public IReadOnlyList<PluginPackageStep> Plugins { get; init; } = [];

    /// <summary>The entity changes.</summary>
    public IReadOnlyList<EditionEntityChange> Entities { get; init; } = [];

    /// <summary>Workflows added or replaced.</summary>
    public IReadOnlyList<EditionItemChange> Workflows { get; init; } = [];

    /// <summary>Templates added or replaced (item name <c>name@locale</c>).</summary>
    public IReadOnlyList<EditionItemChange> Templates { get; init; } = [];

    /// <summary>Seed records created or kept (item name <c>entity/key</c>).</summary>
    public IReadOnlyList<EditionItemChange> Seed { get; init; } = [];

    /// <summary>Module settings set or kept (item name <c>module/setting</c>).</summary>
    public IReadOnlyList<EditionItemChange> Settings { get; init; } = [];

    /// <summary>Everything that prevents the plan from being applied.</summary>
    public IReadOnlyList<EditionProblem> Problems { get; init; } = [];

    /// <summary>Whether the plan can be applied.</summary>
    public bool CanApply => Problems.Count == 0;
}
