using CrmKit.Plugins.Manifest;
using NuGet.Versioning;

namespace CrmKit.Plugins.Planning;

/// <summary>
/// Decides, before any code is loaded, which candidate plugins load and in which order. Each problem blocks exactly the
/// plugins it affects, with a stable code and a precise reason; everything else loads.
/// </summary>
/// <remarks>
/// The checks, in order (a plugin is reported with the first that applies):
/// <list type="number">
/// <item><c>plugin.duplicate_id</c>: two or more candidates share an id; all of them are blocked.</item>
/// <item><c>plugin.sdk_incompatible</c>: the host's CrmKit.Sdk version is outside the plugin's SDK range.</item>
/// <item><c>plugin.dependency_missing</c>: a dependency id is not among the candidates.</item>
/// <item><c>plugin.dependency_version</c>: a dependency is present in a version outside the required range.</item>
/// <item><c>plugin.dependency_cycle</c>: the plugin is part of a dependency cycle; every member is blocked.</item>
/// <item><c>plugin.dependency_blocked</c>: a dependency is blocked, for any reason (so blocking is transitive).</item>
/// <item><c>plugin.provides_conflict</c>: walking the load order, a plugin provides a name an earlier loadable plugin
/// already provides, and it does not both list the name in <see cref="PluginManifest.Replaces"/> (or
/// <see cref="PluginManifest.Decorates"/>, which is planned the same way) and depend directly on that earlier plugin. The later plugin is blocked and names the earlier one.</item>
/// </list>
/// The load order is topological (dependencies first); among plugins free to load at the same point, the smallest id
/// in ordinal order comes first, so the same candidates always give the same plan.
/// </remarks>
public static partial class PluginPlanner
{
    /// <summary>Plans loading <paramref name="candidates"/> into a host running CrmKit.Sdk <paramref name="hostSdkVersion"/>.</summary>
    /// <param name="candidates">Every plugin the host could load, in any order.</param>
    /// <param name="hostSdkVersion">The version of CrmKit.Sdk the host runs.</param>
    /// <returns>The load order and the blocked plugins.</returns>
    public static PluginPlan Plan(IReadOnlyList<PluginManifest> candidates, NuGetVersion hostSdkVersion)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(hostSdkVersion);

        var blockedList = new List<BlockedPlugin>();
        var blocked = new Dictionary<string, BlockedPlugin>(StringComparer.Ordinal);
        var byId = new SortedDictionary<string, PluginManifest>(StringComparer.Ordinal);
        foreach (var group in candidates.Select(c => c ?? throw new ArgumentException(PluginMessages.NullCandidate, nameof(candidates))).GroupBy(c => c.Id, StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.Count == 1)
            {
                byId.Add(group.Key, members[0]);
                continue;
            }

            var versions = members.Select(m => m.Version).Order().ToList();
            var duplicate = default(BlockedPlugin);
            foreach (var member in members)
            {
                duplicate = new BlockedPlugin(member.Id, member.Version, PluginErrorCodes.DuplicateId, PluginMessages.DuplicateId(member.Id, member.Version, versions));
                blockedList.Add(duplicate);
            }

            blocked.Add(group.Key, duplicate!);
        }

        foreach (var plugin in byId.Values)
        {
            var problem = CheckSdkAndDependencies(plugin, hostSdkVersion, byId, blocked);
            if (problem is not null)
            {
                Block(problem);
            }
        }

        foreach (var problem in FindCycles(byId.Values.Where(p => !blocked.ContainsKey(p.Id)).ToList()))
        {
            Block(problem);
        }

        var loadOrder = new List<PluginManifest>();
        var owners = new Dictionary<string, PluginManifest>(StringComparer.Ordinal);
        foreach (var plugin in TopologicalOrder(byId.Values.Where(p => !blocked.ContainsKey(p.Id)).ToList()))
        {
            var problem = CheckBlockedDependencies(plugin, blocked) ?? CheckProvides(plugin, owners);
            if (problem is not null)
            {
                Block(problem);
                continue;
            }

            loadOrder.Add(plugin);
            foreach (var name in plugin.Provides)
            {
                owners[name] = plugin;
            }
        }

        var ordered = blockedList
            .OrderBy(b => b.Id, StringComparer.Ordinal)
            .ThenBy(b => b.Version)
            .ToList();
        return new PluginPlan(loadOrder, ordered);

        void Block(BlockedPlugin problem)
        {
            blockedList.Add(problem);
            blocked.Add(problem.Id, problem);
        }
    }

    private static BlockedPlugin? CheckSdkAndDependencies(
        PluginManifest plugin,
        NuGetVersion hostSdkVersion,
        SortedDictionary<string, PluginManifest> byId,
        Dictionary<string, BlockedPlugin> duplicates)
    {
        if (!plugin.SdkRange.Satisfies(hostSdkVersion))
        {
            return Blocked(plugin, PluginErrorCodes.SdkIncompatible, PluginMessages.SdkIncompatible(plugin, hostSdkVersion));
        }

        var dependencies = plugin.Dependencies.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var missing = dependencies.Where(d => !byId.ContainsKey(d.Id) && !duplicates.ContainsKey(d.Id)).ToList();
        if (missing.Count > 0)
        {
            return Blocked(plugin, PluginErrorCodes.DependencyMissing, PluginMessages.DependencyMissing(plugin, missing));
        }

        var outOfRange = dependencies
            .Where(d => byId.TryGetValue(d.Id, out var found) && !d.VersionRange.Satisfies(found.Version))
            .Select(d => (d, byId[d.Id].Version))
            .ToList();
        return outOfRange.Count > 0
            ? Blocked(plugin, PluginErrorCodes.DependencyVersion, PluginMessages.DependencyVersion(plugin, outOfRange))
            : null;
    }

    private static BlockedPlugin? CheckBlockedDependencies(PluginManifest plugin, Dictionary<string, BlockedPlugin> blocked)
    {
        var dependency = plugin.Dependencies
            .Select(d => blocked.GetValueOrDefault(d.Id))
            .OfType<BlockedPlugin>()
            .OrderBy(b => b.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        return dependency is null
            ? null
            : Blocked(plugin, PluginErrorCodes.DependencyBlocked, PluginMessages.DependencyBlocked(plugin, dependency));
    }

    private static BlockedPlugin? CheckProvides(PluginManifest plugin, Dictionary<string, PluginManifest> owners)
    {
        foreach (var name in plugin.Provides)
        {
            if (!owners.TryGetValue(name, out var earlier))
            {
                continue;
            }

            var replaces = plugin.Replaces.Contains(name, StringComparer.Ordinal);
            if (!replaces && !plugin.Decorates.Contains(name, StringComparer.Ordinal))
            {
                return Blocked(plugin, PluginErrorCodes.ProvidesConflict, PluginMessages.ProvidesConflict(plugin, name, earlier));
            }

            if (!plugin.Dependencies.Any(d => d.Id == earlier.Id))
            {
                var reason = replaces
                    ? PluginMessages.ReplacesWithoutDependency(plugin, name, earlier)
                    : PluginMessages.DecoratesWithoutDependency(plugin, name, earlier);
                return Blocked(plugin, PluginErrorCodes.ProvidesConflict, reason);
            }
        }

        return null;
    }

    private static BlockedPlugin Blocked(PluginManifest plugin, string code, string reason) =>
        new(plugin.Id, plugin.Version, code, reason);
}
