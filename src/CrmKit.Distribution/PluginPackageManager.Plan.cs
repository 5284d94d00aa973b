using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Feeds;
using CrmKit.Distribution.Packages;
using CrmKit.Plugins;
using CrmKit.Plugins.Manifest;
using CrmKit.Plugins.Planning;
using CrmKit.Plugins.Runtime;
using NuGet.Common;
using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Protocol.Core.Types;
using NuGet.Resolver;
using NuGet.Versioning;

namespace CrmKit.Distribution;

internal sealed partial class PluginPackageManager
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DownloadedPackage> _downloaded = new(StringComparer.Ordinal);

    public async Task<PluginPackagePlan> PlanAsync(PluginPackageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var locked = PluginLockFile.Read(LockPath);
            var constraints = new List<PluginPackageConstraint>(request.Constraints);
            foreach (var source in _constraintSources)
            {
                constraints.AddRange(await source.GetConstraintsAsync(cancellationToken));
            }

            var problems = new List<PluginPackageProblem>();
            var input = PlanInput.Create(request, locked, constraints, request.IncludePrerelease || _options.AllowPrerelease, problems);
            CheckFolders(input, problems);
            if (problems.Count > 0)
            {
                return new PluginPackagePlan { Problems = problems };
            }

            using var session = Feeds.OpenSession();
            return await PlanCoreAsync(session, input, cancellationToken);
        }
        catch (PackageFeedException e)
        {
            return new PluginPackagePlan { Problems = [FeedProblem(e, null)] };
        }
        catch (PluginPackageException e)
        {
            return new PluginPackagePlan { Problems = e.Problems };
        }
    }

    private void CheckFolders(PlanInput input, List<PluginPackageProblem> problems)
    {
        foreach (var id in input.Install.Keys.Where(id => !input.Locked.ContainsKey(id)))
        {
            var folder = Path.Combine(PluginsFolder, id);
            if (Directory.Exists(folder))
            {
                problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.Conflict, PluginPackageMessages.FolderNotFromFeed(id, folder), id));
            }
        }

        foreach (var id in input.Remove)
        {
            var dependents = input.Locked.Values
                .Where(p => !input.Remove.Contains(p.Id) && p.Dependencies.ContainsKey(id))
                .Select(p => $"{p.Id} {p.Version.ToNormalizedString()} ({id} {p.Dependencies[id]})")
                .Concat(UnmanagedManifests(input).Where(m => m.Dependencies.Any(d => d.Id == id)).Select(m => $"{m.Id} {m.Version.ToNormalizedString()}"))
                .ToList();
            if (dependents.Count > 0)
            {
                problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.HasDependents, PluginPackageMessages.HasDependents(id, dependents), id));
            }
        }
    }

    private async Task<PluginPackagePlan> PlanCoreAsync(FeedSession session, PlanInput input, CancellationToken cancellationToken)
    {
        var graph = new CandidateGraph(input);
        await graph.GatherAsync(session, cancellationToken);
        var viable = graph.Prune();
        var problems = graph.Diagnose(viable);
        if (problems.Count > 0)
        {
            return new PluginPackagePlan { Problems = problems };
        }

        IReadOnlyList<PackageIdentity> resolved;
        try
        {
            resolved = Resolve(session, input, viable, cancellationToken);
        }
        catch (Exception e) when (e is NuGetResolverException or InvalidOperationException)
        {
            return new PluginPackagePlan
            {
                Problems = [new PluginPackageProblem(PluginPackageErrorCodes.VersionConflict, PluginPackageMessages.Unresolvable(e.Message))],
            };
        }

        return await BuildPlanAsync(session, input, viable, resolved, isRestore: false, cancellationToken);
    }

    /// <summary>
    /// Resolves the set with NuGet.Resolver. Each target (installed or updated by name) gets its highest version with
    /// which the whole set still resolves, as <c>nuget install</c> picks it; dependencies get the lowest version their
    /// ranges allow; installed plugins prefer their installed version.
    /// </summary>
    private static List<PackageIdentity> Resolve(
        FeedSession session, PlanInput input, Dictionary<string, List<Candidate>> viable, CancellationToken cancellationToken)
    {
        var roots = input.Roots;
        if (roots.Count == 0)
        {
            return [];
        }

        var targets = input.Targets.ToList();
        var chosen = new Dictionary<string, NuGetVersion>(StringComparer.OrdinalIgnoreCase);
        if (targets.Count == 0)
        {
            return ResolveWith(session, input, viable, chosen, cancellationToken);
        }

        NuGetResolverException? last = null;
        List<PackageIdentity>? result = null;
        foreach (var target in targets)
        {
            result = null;
            foreach (var version in viable[target].Select(c => c.Version).Distinct().OrderDescending())
            {
                chosen[target] = version;
                try
                {
                    result = ResolveWith(session, input, viable, chosen, cancellationToken);
                    break;
                }
                catch (NuGetResolverException e)
                {
                    last = e;
                }
            }

            if (result is null)
            {
                throw last ?? new NuGetResolverException(target);
            }
        }

        return result!;
    }

    private static List<PackageIdentity> ResolveWith(
        FeedSession session, PlanInput input, Dictionary<string, List<Candidate>> viable, Dictionary<string, NuGetVersion> chosen,
        CancellationToken cancellationToken)
    {
        var available = viable.Values.SelectMany(list => list)
            .Where(c => !chosen.TryGetValue(c.Id, out var version) || c.Version == version)
            .Select(c => new SourcePackageDependencyInfo(c.Id, c.Version, c.Dependencies, true, session.RepositoryOrNull(c.Source)))
            .ToList();
        var kept = input.Locked.Values.Where(l => !input.Remove.Contains(l.Id) && !input.Targets.Contains(l.Id, StringComparer.OrdinalIgnoreCase)).ToList();
        var context = new PackageResolverContext(
            DependencyBehavior.Lowest,
            input.Targets.Any() ? input.Targets : input.Roots,
            input.Roots,
            kept.Select(l => new PackageReference(new PackageIdentity(l.Id, l.Version), PluginPackageContents.HostFramework)),
            kept.Select(l => new PackageIdentity(l.Id, l.Version)),
            available,
            session.Sources.Repositories.Select(r => r.PackageSource),
            NullLogger.Instance);
        return [.. new PackageResolver().Resolve(context, cancellationToken)];
    }

    /// <summary>Turns the resolved set into steps, downloads and inspects every package that changes, and checks the result.</summary>
    private async Task<PluginPackagePlan> BuildPlanAsync(
        FeedSession session, PlanInput input, Dictionary<string, List<Candidate>> viable, IReadOnlyList<PackageIdentity> resolved,
        bool isRestore, CancellationToken cancellationToken)
    {
        var problems = new List<PluginPackageProblem>();
        var steps = new List<PluginPackageStep>();
        var resulting = new List<PluginManifest>();
        var operation = Path.Combine(_downloads, Guid.NewGuid().ToString("N"));
        foreach (var identity in resolved.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            var candidate = viable[identity.Id].First(c => c.Version == identity.Version);
            input.Locked.TryGetValue(candidate.Id, out var locked);
            var folder = Path.Combine(PluginsFolder, candidate.Id);
            var current = ReadManifestOrNull(folder);
            var action = locked is null ? PluginPackageAction.Install
                : locked.Version == candidate.Version ? PluginPackageAction.Keep
                : candidate.Version > locked.Version ? PluginPackageAction.Upgrade : PluginPackageAction.Downgrade;
            if (!isRestore && action == PluginPackageAction.Keep && current?.Version != candidate.Version)
            {
                // Pinned but its folder is gone or holds something else: installed again, with the pinned hash.
                action = PluginPackageAction.Install;
            }

            if (isRestore)
            {
                action = current is null ? PluginPackageAction.Install
                    : current.Version == candidate.Version ? PluginPackageAction.Keep
                    : candidate.Version > current.Version ? PluginPackageAction.Upgrade : PluginPackageAction.Downgrade;
            }

            if (!isRestore && locked is null && Directory.Exists(folder))
            {
                // A dependency whose id has a folder placed by hand: the swap would replace (and then delete) that folder.
                problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.Conflict, PluginPackageMessages.FolderNotFromFeed(candidate.Id, folder), candidate.Id));
                continue;
            }

            var sha = locked?.Sha512;
            var source = locked?.Source ?? candidate.Source;
            if (action == PluginPackageAction.Keep && current is not null)
            {
                resulting.Add(current);
            }
            else if (action != PluginPackageAction.Keep)
            {
                try
                {
                    var feedVersion = new FeedPackageVersion(candidate.Id, candidate.Version, candidate.Source);
                    var pinned = isRestore || locked?.Version == candidate.Version ? locked?.Sha512 : null;
                    var downloaded = await session.DownloadAsync(feedVersion, operation, pinned, cancellationToken);
                    _downloaded[Key(downloaded.Id, downloaded.Version, downloaded.Sha512)] = downloaded;
                    var contents = PluginPackageContents.Inspect(downloaded.FilePath, candidate.Id, candidate.Version);
                    if (!contents.Manifest.SdkRange.Satisfies(PluginRuntime.HostSdkVersion))
                    {
                        problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.SdkIncompatible,
                            PluginPackageMessages.SdkIncompatible(candidate.Id, candidate.Version, contents.Manifest.SdkRange, PluginRuntime.HostSdkVersion),
                            candidate.Id));
                    }

                    resulting.Add(contents.Manifest);
                    sha = downloaded.Sha512;
                    source = downloaded.Source;
                }
                catch (PackageFeedException e) when (isRestore)
                {
                    problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.LockMismatch,
                        PluginPackageMessages.LockedChanged(candidate.Id, candidate.Version, e.Message), candidate.Id));
                }
                catch (PackageFeedException e)
                {
                    problems.Add(FeedProblem(e, candidate.Id));
                }
                catch (PluginPackageException e)
                {
                    problems.AddRange(e.Problems);
                }
            }

            steps.Add(new PluginPackageStep
            {
                Id = candidate.Id,
                Action = action,
                FromVersion = isRestore ? current?.Version.ToNormalizedString() : locked?.Version.ToNormalizedString(),
                ToVersion = candidate.Version.ToNormalizedString(),
                Source = source,
                Sha512 = sha,
                Requested = input.Targets.Contains(candidate.Id) || (locked?.Requested ?? false),
                Dependencies = [.. candidate.Dependencies.Select(d => $"{d.Id} {d.VersionRange.ToNormalizedString()}")],
            });
        }

        foreach (var id in input.Remove.Order(StringComparer.Ordinal))
        {
            steps.Add(new PluginPackageStep
            {
                Id = id,
                Action = PluginPackageAction.Remove,
                FromVersion = input.Locked[id].Version.ToNormalizedString(),
                Source = input.Locked[id].Source,
            });
        }

        if (problems.Count == 0)
        {
            problems.AddRange(CheckResultingSet(input, resulting));
        }

        return new PluginPackagePlan { Steps = [.. steps.OrderBy(s => s.Id, StringComparer.Ordinal)], Problems = problems, IsRestore = isRestore };
    }

    /// <summary>
    /// Plans the resulting set of plugins (in-code, unmanaged folders, kept and new packages) with the runtime's planner,
    /// and reports every plugin it would block that the current set does not block.
    /// </summary>
    private List<PluginPackageProblem> CheckResultingSet(PlanInput input, List<PluginManifest> packages)
    {
        var inCode = _runtimeOptions.InCode.Select(p => p.Manifest).ToList();
        var current = inCode.Concat(FolderManifests().Select(f => f.Manifest)).ToList();
        var resulting = inCode.Concat(UnmanagedManifests(input)).Concat(packages).ToList();
        var before = PluginPlanner.Plan(current, PluginRuntime.HostSdkVersion);
        var after = PluginPlanner.Plan(resulting, PluginRuntime.HostSdkVersion);
        return [.. after.Blocked
            .Where(b => !before.Blocked.Any(x => x.Id == b.Id && x.Version == b.Version && x.Code == b.Code))
            .Select(b => new PluginPackageProblem(b.Code switch
            {
                PluginErrorCodes.SdkIncompatible => PluginPackageErrorCodes.SdkIncompatible,
                PluginErrorCodes.DependencyMissing or PluginErrorCodes.DependencyVersion or PluginErrorCodes.DependencyBlocked
                    => PluginPackageErrorCodes.DependencyMissing,
                _ => PluginPackageErrorCodes.Conflict,
            }, b.Reason, b.Id))];
    }

    /// <summary>The manifests of the plugin folders (not dot-folders), with their folder names.</summary>
    private List<(string Folder, PluginManifest Manifest)> FolderManifests()
    {
        var list = new List<(string, PluginManifest)>();
        if (!Directory.Exists(PluginsFolder))
        {
            return list;
        }

        foreach (var folder in Directory.EnumerateDirectories(PluginsFolder).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            if (ReadManifestOrNull(folder) is { } manifest)
            {
                list.Add((Path.GetFileName(folder), manifest));
            }
        }

        return list;
    }

    /// <summary>The manifests of plugin folders that no lock entry manages (placed by hand or shipped with the host).</summary>
    private IEnumerable<PluginManifest> UnmanagedManifests(PlanInput input) =>
        FolderManifests().Where(f => !input.Locked.ContainsKey(f.Folder)).Select(f => f.Manifest);

    private static PluginManifest? ReadManifestOrNull(string folder)
    {
        try
        {
            return File.Exists(Path.Combine(folder, PluginManifestReader.FileName)) ? PluginManifestReader.ReadFromFolder(folder) : null;
        }
        catch (PluginManifestException)
        {
            return null;
        }
    }

    private static string Key(string id, NuGetVersion version, string sha512) =>
        $"{id.ToLowerInvariant()}/{version.ToNormalizedString().ToLowerInvariant()}/{sha512}";

    /// <summary>The nuspec dependency group nearest to the host framework (or the framework-less one).</summary>
    internal static IReadOnlyList<PackageDependency> NearestDependencies(IEnumerable<PackageDependencyGroup> groups)
    {
        var list = groups.ToList();
        var nearest = NuGetFrameworkUtility.GetNearest(list, PluginPackageContents.HostFramework, g => g.TargetFramework);
        return [.. (nearest ?? list.FirstOrDefault(g => g.TargetFramework.IsAny))?.Packages ?? []];
    }
}
