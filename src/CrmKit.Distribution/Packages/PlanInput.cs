using CrmKit.Core.Plugins.Packages;
using CrmKit.Plugins.Manifest;
using NuGet.Versioning;

namespace CrmKit.Distribution.Packages;

/// <summary>A validated request: targets with their ranges, removals, constraints, the lock and the prerelease rule.</summary>
internal sealed class PlanInput
{
    private PlanInput(IReadOnlyDictionary<string, LockedPlugin> locked, bool includePrerelease)
    {
        Locked = locked;
        IncludePrerelease = includePrerelease;
    }

    public IReadOnlyDictionary<string, LockedPlugin> Locked { get; }

    public bool IncludePrerelease { get; }

    /// <summary>Plugins installed or moved by name, with the range asked for (null: any).</summary>
    public Dictionary<string, VersionRange?> Install { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Installed plugins to update to their highest usable version.</summary>
    public HashSet<string> Update { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> Remove { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Constraints by plugin id: (range, owner, the range as written).</summary>
    public Dictionary<string, List<(VersionRange Range, string Owner, string Text)>> Constraints { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The plugins the change installs or updates by name.</summary>
    public IEnumerable<string> Targets => Install.Keys.Concat(Update).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The plugins that must be in the result: the targets and every installed plugin not removed.</summary>
    public IReadOnlyList<string> Roots =>
        [.. Targets.Concat(Locked.Keys.Where(id => !Remove.Contains(id))).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static PlanInput Create(
        PluginPackageRequest request, IReadOnlyList<LockedPlugin> locked, IReadOnlyList<PluginPackageConstraint> constraints,
        bool includePrerelease, List<PluginPackageProblem> problems)
    {
        var input = new PlanInput(locked.ToDictionary(l => l.Id, StringComparer.OrdinalIgnoreCase), includePrerelease);
        foreach (var requirement in request.Install)
        {
            if (!ValidId(requirement.Id, problems))
            {
                continue;
            }

            VersionRange? range = null;
            if (!string.IsNullOrWhiteSpace(requirement.VersionRange) && !VersionRange.TryParse(requirement.VersionRange, out range))
            {
                problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.InvalidRequest,
                    PluginPackageMessages.InvalidRange(requirement.Id, requirement.VersionRange), requirement.Id));
                continue;
            }

            input.Install[requirement.Id] = range;
        }

        foreach (var id in request.Update)
        {
            if (ValidId(id, problems) && Installed(input, id, problems))
            {
                input.Update.Add(id);
            }
        }

        foreach (var id in request.Remove)
        {
            if (ValidId(id, problems) && Installed(input, id, problems))
            {
                input.Remove.Add(id);
            }
        }

        foreach (var id in input.Targets.Where(input.Remove.Contains))
        {
            problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.InvalidRequest, PluginPackageMessages.InstallAndRemove(id), id));
        }

        foreach (var constraint in constraints)
        {
            if (!VersionRange.TryParse(constraint.VersionRange, out var range))
            {
                problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.InvalidRequest,
                    PluginPackageMessages.InvalidConstraint(constraint.Owner, constraint.Id, constraint.VersionRange), constraint.Id));
                continue;
            }

            if (!input.Constraints.TryGetValue(constraint.Id, out var list))
            {
                input.Constraints[constraint.Id] = list = [];
            }

            list.Add((range, constraint.Owner, constraint.VersionRange));
        }

        return input;
    }

    /// <summary>Whether a version may be chosen for a plugin before dependencies are looked at.</summary>
    public bool Allows(string id, NuGetVersion version)
    {
        var installed = Locked.TryGetValue(id, out var locked) && locked.Version == version;
        if (version.IsPrerelease && !IncludePrerelease && !installed)
        {
            return false;
        }

        if (Install.TryGetValue(id, out var range) && range is not null && !range.Satisfies(version))
        {
            return false;
        }

        return !Constraints.TryGetValue(id, out var constraints) || constraints.All(c => c.Range.Satisfies(version));
    }

    private static bool ValidId(string id, List<PluginPackageProblem> problems)
    {
        if (PluginManifest.IsValidId(id))
        {
            return true;
        }

        problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.InvalidRequest, PluginPackageMessages.InvalidId(id ?? string.Empty), id));
        return false;
    }

    private static bool Installed(PlanInput input, string id, List<PluginPackageProblem> problems)
    {
        if (input.Locked.ContainsKey(id))
        {
            return true;
        }

        problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.NotInstalled, PluginPackageMessages.NotInstalled(id), id));
        return false;
    }
}
