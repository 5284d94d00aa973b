using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Feeds;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace CrmKit.Distribution.Packages;

/// <summary>
/// Every version a plan may choose for every plugin reachable from its roots (targets and installed plugins), read
/// from the feeds and the lock; pruned to the versions whose dependencies can be met, and diagnosed when a root has
/// none.
/// </summary>
internal sealed class CandidateGraph
{
    private readonly PlanInput _input;
    private readonly Dictionary<string, List<Candidate>> _allowed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<FeedPackageVersion>> _onFeeds = new(StringComparer.OrdinalIgnoreCase);

    public CandidateGraph(PlanInput input) => _input = input;

    public async Task GatherAsync(FeedSession session, CancellationToken cancellationToken)
    {
        var queue = new Queue<string>(_input.Roots);
        while (queue.TryDequeue(out var id))
        {
            if (_allowed.ContainsKey(id))
            {
                continue;
            }

            if (_input.Remove.Contains(id))
            {
                _allowed[id] = [];
                _onFeeds[id] = [];
                continue;
            }

            var onFeeds = await session.FindVersionsAsync(id, cancellationToken);
            _onFeeds[id] = onFeeds;
            var list = new List<Candidate>();
            if (_input.Locked.TryGetValue(id, out var locked) && _input.Allows(id, locked.Version))
            {
                var dependencies = locked.Dependencies.Select(d => new PackageDependency(d.Key, VersionRange.Parse(d.Value))).ToList();
                list.Add(new Candidate(locked.Id, locked.Version, locked.Source, dependencies, FromLock: true));
            }

            foreach (var version in onFeeds.Where(v => _input.Allows(id, v.Version) && list.All(c => c.Version != v.Version)))
            {
                var info = await session.GetDependencyInfoAsync(version, cancellationToken);
                var dependencies = info is null ? [] : PluginPackageManager.NearestDependencies(info.DependencyGroups);
                list.Add(new Candidate(version.Id, version.Version, version.Source, dependencies, FromLock: false));
            }

            _allowed[id] = list;
            foreach (var dependency in list.SelectMany(c => c.Dependencies))
            {
                queue.Enqueue(dependency.Id);
            }
        }
    }

    /// <summary>Drops, until nothing changes, every version with a dependency no remaining version satisfies.</summary>
    public Dictionary<string, List<Candidate>> Prune()
    {
        var viable = _allowed.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        bool changed;
        do
        {
            changed = false;
            foreach (var list in viable.Values)
            {
                changed |= list.RemoveAll(c => c.Dependencies.Any(d => !Satisfiable(viable, d))) > 0;
            }
        }
        while (changed);
        return viable;
    }

    /// <summary>Explains, for every root left without a usable version, why.</summary>
    public List<PluginPackageProblem> Diagnose(IReadOnlyDictionary<string, List<Candidate>> viable)
    {
        var problems = new List<PluginPackageProblem>();
        foreach (var id in _input.Roots.Where(id => viable[id].Count == 0))
        {
            problems.Add(Explain(id, viable));
        }

        return problems;
    }

    private PluginPackageProblem Explain(string id, IReadOnlyDictionary<string, List<Candidate>> viable)
    {
        var onFeeds = _onFeeds[id].Select(v => v.Version).ToList();
        _input.Install.TryGetValue(id, out var range);
        var rangeText = range?.ToNormalizedString() ?? "(any)";
        if (onFeeds.Count == 0 && !_input.Locked.ContainsKey(id))
        {
            return new(PluginPackageErrorCodes.NotFound, PluginPackageMessages.NotFound(id), id);
        }

        var inRange = onFeeds.Where(v => range is null || range.Satisfies(v)).ToList();
        if (inRange.Count == 0 && !_input.Locked.ContainsKey(id))
        {
            return new(PluginPackageErrorCodes.NotFound, PluginPackageMessages.NotInRange(id, rangeText, onFeeds), id);
        }

        if (!_input.IncludePrerelease && inRange.Count > 0 && inRange.All(v => v.IsPrerelease))
        {
            return new(PluginPackageErrorCodes.PrereleaseNotAllowed, PluginPackageMessages.PrereleaseOnly(id, rangeText, inRange), id);
        }

        var usable = inRange.Where(v => !v.IsPrerelease || _input.IncludePrerelease).ToList();
        if (_input.Constraints.TryGetValue(id, out var constraints))
        {
            foreach (var constraint in constraints.Where(c => !usable.Any(c.Range.Satisfies)))
            {
                return new(PluginPackageErrorCodes.ConstraintViolated, PluginPackageMessages.ConstraintExcludes(id, constraint.Owner, constraint.Text, usable), id);
            }
        }

        // Every allowed version has a dependency that cannot be met: explain the highest one's first such dependency.
        var highest = _allowed[id].OrderByDescending(c => c.Version).FirstOrDefault();
        if (highest is not null)
        {
            foreach (var dependency in highest.Dependencies.Where(d => !Satisfiable(viable, d)))
            {
                var rangeOfDependency = dependency.VersionRange.ToNormalizedString();
                if (_input.Remove.Contains(dependency.Id))
                {
                    return new(PluginPackageErrorCodes.DependencyMissing,
                        PluginPackageMessages.DependencyRemoved(highest.Id, highest.Version, dependency.Id, rangeOfDependency), id);
                }

                var dependencyVersions = _onFeeds.TryGetValue(dependency.Id, out var found) ? found.Select(v => v.Version).ToList() : [];
                return dependencyVersions.Count == 0
                    ? new(PluginPackageErrorCodes.DependencyMissing,
                        PluginPackageMessages.DependencyNotOnFeed(highest.Id, highest.Version, dependency.Id, rangeOfDependency), id)
                    : new(PluginPackageErrorCodes.DependencyMissing,
                        PluginPackageMessages.DependencyNotInRange(highest.Id, highest.Version, dependency.Id, rangeOfDependency, dependencyVersions), id);
            }
        }

        return new(PluginPackageErrorCodes.NotFound, PluginPackageMessages.NotInRange(id, rangeText, onFeeds), id);
    }

    private bool Satisfiable(IReadOnlyDictionary<string, List<Candidate>> viable, PackageDependency dependency) =>
        !_input.Remove.Contains(dependency.Id)
        && viable.TryGetValue(dependency.Id, out var versions)
        && versions.Any(v => dependency.VersionRange.Satisfies(v.Version));
}
