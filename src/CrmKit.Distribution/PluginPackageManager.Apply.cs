using CrmKit.Core.Plugins;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Feeds;
using CrmKit.Distribution.Packages;
using CrmKit.Plugins.Runtime;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace CrmKit.Distribution;

internal sealed partial class PluginPackageManager
{
    public async Task<PluginPackagePlan> RestoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            var locked = PluginLockFile.Read(LockPath);
            var problems = new List<PluginPackageProblem>();
            var input = PlanInput.Create(new PluginPackageRequest(), locked, [], includePrerelease: true, problems);
            using var session = Feeds.OpenSession();
            var viable = new Dictionary<string, List<Candidate>>(StringComparer.OrdinalIgnoreCase);
            var resolved = new List<PackageIdentity>();
            foreach (var plugin in locked)
            {
                var dependencies = plugin.Dependencies.Select(d => new PackageDependency(d.Key, VersionRange.Parse(d.Value))).ToList();
                var folderVersion = ReadManifestOrNull(Path.Combine(PluginsFolder, plugin.Id))?.Version;
                var source = plugin.Source;
                if (folderVersion != plugin.Version)
                {
                    var versions = await session.FindVersionsAsync(plugin.Id, cancellationToken);
                    var found = versions.FirstOrDefault(v => v.Version == plugin.Version && v.Source == plugin.Source)
                        ?? versions.FirstOrDefault(v => v.Version == plugin.Version);
                    if (found is null)
                    {
                        problems.Add(new PluginPackageProblem(PluginPackageErrorCodes.LockMismatch, PluginPackageMessages.LockedGone(plugin.Id, plugin.Version), plugin.Id));
                        continue;
                    }

                    source = found.Source;
                }

                viable[plugin.Id] = [new Candidate(plugin.Id, plugin.Version, source, dependencies, FromLock: true)];
                resolved.Add(new PackageIdentity(plugin.Id, plugin.Version));
            }

            return problems.Count > 0
                ? new PluginPackagePlan { Problems = problems, IsRestore = true }
                : await BuildPlanAsync(session, input, viable, resolved, isRestore: true, cancellationToken);
        }
        catch (PackageFeedException e)
        {
            return new PluginPackagePlan { Problems = [FeedProblem(e, null)], IsRestore = true };
        }
        catch (PluginPackageException e)
        {
            return new PluginPackagePlan { Problems = e.Problems, IsRestore = true };
        }
    }

    public async Task<IPluginPackageChange> ApplyAsync(PluginPackagePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.CanApply)
        {
            throw new PluginPackageException(plan.Problems);
        }

        if (!await _flight.WaitAsync(0, cancellationToken))
        {
            throw new PluginPackageException([new PluginPackageProblem(PluginPackageErrorCodes.Busy, PluginPackageMessages.Busy())]);
        }

        try
        {
            return await ApplyCoreAsync(plan, cancellationToken);
        }
        catch
        {
            _flight.Release();
            throw;
        }
    }

    internal void ReleaseFlight() => _flight.Release();

    internal Task RescanAsync(CancellationToken cancellationToken) => Plugins.ScanAsync(cancellationToken);

    private async Task<IPluginPackageChange> ApplyCoreAsync(PluginPackagePlan plan, CancellationToken cancellationToken)
    {
        var locked = PluginLockFile.Read(LockPath).ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        if (!plan.IsRestore)
        {
            foreach (var step in plan.Steps)
            {
                var installed = locked.TryGetValue(step.Id, out var entry) ? entry.Version.ToNormalizedString() : null;
                if (installed != step.FromVersion)
                {
                    throw new PluginPackageException([new PluginPackageProblem(PluginPackageErrorCodes.Failed, PluginPackageMessages.PlanOutdated(step.Id), step.Id)]);
                }
            }
        }

        var operation = Guid.NewGuid().ToString("N");
        var swap = new FolderSwap(PluginsFolder, Path.Combine(PluginsFolder, ".crmkit-staging-" + operation), Path.Combine(PluginsFolder, ".crmkit-backup-" + operation));
        var changing = plan.Steps.Where(s => s.Action is PluginPackageAction.Install or PluginPackageAction.Upgrade or PluginPackageAction.Downgrade).ToList();
        var removing = plan.Steps.Where(s => s.Action == PluginPackageAction.Remove).Select(s => s.Id).ToList();
        try
        {
            foreach (var step in changing)
            {
                var version = NuGetVersion.Parse(step.ToVersion!);
                var file = await PackageFileAsync(step, version, operation, cancellationToken);
                PluginPackageContents.Inspect(file, step.Id, version).ExtractTo(file, Path.Combine(swap.Staging, step.Id));
            }
        }
        catch (PackageFeedException e)
        {
            swap.Cleanup();
            throw new PluginPackageException([FeedProblem(e, null)], e);
        }
        catch
        {
            swap.Cleanup();
            throw;
        }

        var before = Plugins.List().ToDictionary(s => s.Id, StringComparer.Ordinal);
        try
        {
            swap.Apply(changing.Select(s => s.Id), removing);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            swap.Undo();
            swap.Cleanup();
            throw new PluginPackageException([new PluginPackageProblem(PluginPackageErrorCodes.Failed, PluginPackageMessages.SwapFailed(e.Message))], e);
        }

        List<PluginPackageProblem> failures;
        try
        {
            await Plugins.ScanAsync(cancellationToken);
            failures = Verify(plan, before);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures = [new PluginPackageProblem(PluginPackageErrorCodes.LoadFailed, e.Message)];
        }

        if (failures.Count > 0)
        {
            swap.Undo();
            await Plugins.ScanAsync(CancellationToken.None);
            swap.Cleanup();
            throw new PluginPackageException(failures);
        }

        var newLock = plan.Steps.Where(s => s.Action != PluginPackageAction.Remove).Select(s => new LockedPlugin(
            s.Id, NuGetVersion.Parse(s.ToVersion!), s.Sha512!, s.Source!,
            s.Dependencies.Select(d => d.Split(' ', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "0.0.0", StringComparer.Ordinal),
            s.Requested)).ToList();
        return new PluginPackageChange(this, plan, swap, newLock);
    }

    /// <summary>The planned package file, from this manager's downloads when its hash still matches, else downloaded again.</summary>
    private async Task<string> PackageFileAsync(PluginPackageStep step, NuGetVersion version, string operation, CancellationToken cancellationToken)
    {
        if (_downloaded.TryGetValue(Key(step.Id, version, step.Sha512!), out var known) && File.Exists(known.FilePath)
            && PackageFeedClient.ComputeSha512(known.FilePath) == step.Sha512)
        {
            return known.FilePath;
        }

        using var session = Feeds.OpenSession();
        var versions = await session.FindVersionsAsync(step.Id, cancellationToken);
        var found = versions.FirstOrDefault(v => v.Version == version && v.Source == step.Source) ?? versions.FirstOrDefault(v => v.Version == version)
            ?? throw new PackageFeedException(PackageFeedFailure.NotFound, $"No package source has {step.Id} {step.ToVersion} any more.");
        var downloaded = await session.DownloadAsync(found, Path.Combine(_downloads, operation), step.Sha512, cancellationToken);
        return downloaded.FilePath;
    }

    /// <summary>Every planned plugin must have ended Loaded at its planned version (or stayed disabled by an administrator).</summary>
    private List<PluginPackageProblem> Verify(PluginPackagePlan plan, Dictionary<string, PluginStatus> before)
    {
        var failures = new List<PluginPackageProblem>();
        foreach (var step in plan.Steps.Where(s => s.Action != PluginPackageAction.Remove))
        {
            var status = Plugins.Find(step.Id);
            var disabled = status?.State == PluginState.Disabled && status.ReasonCode == PluginRuntimeMessages.DisabledCode;
            if (step.Action == PluginPackageAction.Keep && before.TryGetValue(step.Id, out var was) && was.State != PluginState.Loaded)
            {
                continue;
            }

            var versionMatches = status is not null && NuGetVersion.TryParse(status.Version, out var v) && v == NuGetVersion.Parse(step.ToVersion!);
            if (status is null || !versionMatches || (status.State != PluginState.Loaded && !disabled))
            {
                failures.Add(new PluginPackageProblem(PluginPackageErrorCodes.LoadFailed,
                    PluginPackageMessages.NotLoaded(step.Id, step.ToVersion!, status?.State.ToString() ?? "missing", status?.Reason), step.Id));
            }
        }

        return failures;
    }
}
