using System.Net;
using System.Net.Sockets;
using NuGet.Common;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace CrmKit.Distribution.Feeds;

/// <summary>
/// Several feed requests over one loaded nuget.config and one cache context (no NuGet HTTP disk cache: every answer is
/// fresh, so a feed that changed a package is noticed). Versions of an id are remembered for the session.
/// </summary>
internal sealed class FeedSession : IDisposable
{
    private readonly SourceCacheContext _cache = new() { NoCache = true, DirectDownload = true };
    private readonly Dictionary<string, IReadOnlyList<FeedPackageVersion>> _versions = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeSpan _timeout;

    public FeedSession(FeedSources sources, TimeSpan timeout)
    {
        Sources = sources;
        _timeout = timeout;
    }

    public FeedSources Sources { get; }

    private static ILogger Log => NullLogger.Instance;

    /// <summary>Every version of an id on every feed, highest first; a version on several feeds once (first feed wins).</summary>
    public async Task<IReadOnlyList<FeedPackageVersion>> FindVersionsAsync(string id, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(id, out var known))
        {
            return known;
        }

        var found = new Dictionary<NuGetVersion, FeedPackageVersion>();
        foreach (var repository in Sources.Repositories)
        {
            EnsureFolderExists(repository);
            var versions = await CallAsync(repository, async ct =>
            {
                var resource = await ResourceAsync<FindPackageByIdResource>(repository, ct);
                return await resource.GetAllVersionsAsync(id, _cache, Log, ct);
            }, cancellationToken);
            foreach (var version in versions)
            {
                found.TryAdd(version, new FeedPackageVersion(id, version, repository.PackageSource.Name));
            }
        }

        IReadOnlyList<FeedPackageVersion> result = [.. found.Values.OrderByDescending(v => v.Version)];
        _versions[id] = result;
        return result;
    }

    /// <summary>The nuspec dependency groups of one version (for HTTP feeds the flat container's .nuspec).</summary>
    public async Task<FindPackageByIdDependencyInfo?> GetDependencyInfoAsync(FeedPackageVersion version, CancellationToken cancellationToken)
    {
        var repository = Repository(version.Source);
        return await CallAsync(repository, async ct =>
        {
            var resource = await ResourceAsync<FindPackageByIdResource>(repository, ct);
            return await resource.GetDependencyInfoAsync(version.Id, version.Version, _cache, Log, ct);
        }, cancellationToken);
    }

    /// <summary>Downloads one version and checks its SHA-512 against the feed and <paramref name="expectedSha512"/>.</summary>
    public async Task<DownloadedPackage> DownloadAsync(
        FeedPackageVersion version, string destinationDirectory, string? expectedSha512, CancellationToken cancellationToken)
    {
        var repository = Repository(version.Source);
        Directory.CreateDirectory(destinationDirectory);
        var name = $"{version.Id.ToLowerInvariant()}.{version.Version.ToNormalizedString().ToLowerInvariant()}.nupkg";
        var file = Path.Combine(destinationDirectory, name);
        var part = file + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            var copied = await CallAsync(repository, async ct =>
            {
                var resource = await ResourceAsync<FindPackageByIdResource>(repository, ct);
                await using var stream = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None);
                return await resource.CopyNupkgToStreamAsync(version.Id, version.Version, stream, _cache, Log, ct);
            }, cancellationToken);
            if (!copied)
            {
                throw new PackageFeedException(PackageFeedFailure.NotFound, FeedMessages.VersionNotFound(version.Id, version.Version), version.Source);
            }

            var actual = PackageFeedClient.ComputeSha512(part);
            var declared = await DeclaredHashAsync(repository, version, cancellationToken);
            if (declared is not null && !string.Equals(declared, actual, StringComparison.Ordinal))
            {
                throw new PackageFeedException(PackageFeedFailure.HashMismatch,
                    FeedMessages.HashMismatch(version.Id, version.Version, version.Source, "the feed", declared, actual), version.Source);
            }

            if (expectedSha512 is not null && !string.Equals(expectedSha512, actual, StringComparison.Ordinal))
            {
                throw new PackageFeedException(PackageFeedFailure.HashMismatch,
                    FeedMessages.HashMismatch(version.Id, version.Version, version.Source, "the pinned hash", expectedSha512, actual), version.Source);
            }

            PackageFeedClient.ReadNuspec(part, version.Id, version.Version, version.Source);
            File.Move(part, file, overwrite: true);
            return new DownloadedPackage(version.Id, version.Version, version.Source, file, actual, declared is not null);
        }
        finally
        {
            File.Delete(part);
        }
    }

    /// <summary>Searches every feed for packages of one package type.</summary>
    public async Task<IReadOnlyList<FeedSearchResult>> SearchAsync(string query, string packageType, bool includePrerelease, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, FeedSearchResult>(StringComparer.OrdinalIgnoreCase);
        foreach (var repository in Sources.Repositories)
        {
            var found = repository.PackageSource.IsLocal
                ? SearchFolder(repository, query, packageType, includePrerelease, cancellationToken)
                : await SearchHttpAsync(repository, query, packageType, includePrerelease, cancellationToken);
            foreach (var result in found)
            {
                results.TryAdd(result.Id, result);
            }
        }

        return [.. results.Values.OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase)];
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>The repository of a source name; null when the config no longer has it.</summary>
    public SourceRepository? RepositoryOrNull(string source) =>
        Sources.Repositories.FirstOrDefault(r => string.Equals(r.PackageSource.Name, source, StringComparison.Ordinal));

    private SourceRepository Repository(string source) =>
        Sources.Repositories.First(r => string.Equals(r.PackageSource.Name, source, StringComparison.Ordinal));

    private async Task<string?> DeclaredHashAsync(SourceRepository repository, FeedPackageVersion version, CancellationToken cancellationToken)
    {
        if (repository.PackageSource.IsLocal)
        {
            // A v3 (hierarchical) folder feed keeps <id>.<version>.nupkg.sha512 beside the package; a flat folder has nothing.
            var resolver = new VersionFolderPathResolver(repository.PackageSource.Source);
            var hashPath = resolver.GetHashPath(version.Id, version.Version);
            return File.Exists(resolver.GetPackageFilePath(version.Id, version.Version)) && File.Exists(hashPath)
                ? (await File.ReadAllTextAsync(hashPath, cancellationToken)).Trim()
                : null;
        }

        var entry = await CallAsync(repository, async ct =>
        {
            var registration = await repository.GetResourceAsync<RegistrationResourceV3>(ct);
            return registration is null ? null
                : await registration.GetPackageMetadata(new PackageIdentity(version.Id, version.Version), _cache, Log, ct);
        }, cancellationToken);
        var hash = entry?["packageHash"]?.ToString();
        var algorithm = entry?["packageHashAlgorithm"]?.ToString();
        return string.IsNullOrWhiteSpace(hash) || (algorithm is not null && !algorithm.Equals("SHA512", StringComparison.OrdinalIgnoreCase))
            ? null
            : hash;
    }

    /// <summary>A folder feed that does not exist is unreachable (NuGet would just list nothing).</summary>
    private static void EnsureFolderExists(SourceRepository repository)
    {
        var source = repository.PackageSource;
        if (source.IsLocal && !Directory.Exists(source.Source))
        {
            throw new PackageFeedException(PackageFeedFailure.Unreachable,
                FeedMessages.Unreachable(source.Name, source.Source, "the folder does not exist."), source.Name);
        }
    }

    private static List<FeedSearchResult> SearchFolder(
        SourceRepository repository, string query, string packageType, bool includePrerelease, CancellationToken cancellationToken)
    {
        var root = repository.PackageSource.Source;
        EnsureFolderExists(repository);

        var packages = LocalFolderUtility.GetPackagesV2(root, Log, cancellationToken)
            .Concat(LocalFolderUtility.GetPackagesV3(root, Log, cancellationToken))
            .Where(p => includePrerelease || !p.Identity.Version.IsPrerelease)
            .Where(p => p.Nuspec.GetPackageTypes().Any(t => string.Equals(t.Name, packageType, StringComparison.OrdinalIgnoreCase)))
            .Where(p => Matches(p.Nuspec, query))
            .ToList();
        return [.. packages.GroupBy(p => p.Identity.Id, StringComparer.OrdinalIgnoreCase).Select(g =>
        {
            var versions = g.Select(p => p.Identity.Version).Distinct().OrderByDescending(v => v).ToList();
            var latest = g.First(p => p.Identity.Version == versions[0]).Nuspec;
            return new FeedSearchResult(latest.GetId(), versions[0], versions, Title(latest.GetTitle(), latest.GetId()),
                latest.GetDescription() ?? string.Empty, latest.GetAuthors() ?? string.Empty, repository.PackageSource.Name);
        })];
    }

    private static bool Matches(NuspecReader nuspec, string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }

        var text = string.Join(' ', nuspec.GetId(), nuspec.GetTitle(), nuspec.GetDescription(), nuspec.GetTags());
        return query.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<List<FeedSearchResult>> SearchHttpAsync(
        SourceRepository repository, string query, string packageType, bool includePrerelease, CancellationToken cancellationToken)
    {
        var found = await CallAsync(repository, async ct =>
        {
            var search = await ResourceAsync<PackageSearchResource>(repository, ct);
            var filter = new SearchFilter(includePrerelease) { PackageType = packageType };
            var results = await search.SearchAsync(query ?? string.Empty, filter, 0, 100, Log, ct);
            var list = new List<FeedSearchResult>();
            foreach (var result in results)
            {
                var versions = (await result.GetVersionsAsync()).Select(v => v.Version)
                    .Where(v => includePrerelease || !v.IsPrerelease).Distinct().OrderByDescending(v => v).ToList();
                if (versions.Count == 0)
                {
                    versions = [result.Identity.Version];
                }

                list.Add(new FeedSearchResult(result.Identity.Id, versions[0], versions, Title(result.Title, result.Identity.Id),
                    result.Description ?? string.Empty, result.Authors ?? string.Empty, repository.PackageSource.Name));
            }

            return list;
        }, cancellationToken);
        return found;
    }

    private static async Task<T> ResourceAsync<T>(SourceRepository repository, CancellationToken cancellationToken)
        where T : class, INuGetResource =>
        await repository.GetResourceAsync<T>(cancellationToken)
        ?? throw new PackageFeedException(PackageFeedFailure.ServerError,
            FeedMessages.ServerError(repository.PackageSource.Name, repository.PackageSource.Source, $"it offers no {typeof(T).Name}; is it a NuGet v3 feed?"),
            repository.PackageSource.Name);

    private static string Title(string? title, string id) => string.IsNullOrWhiteSpace(title) ? id : title;

    /// <summary>Runs one feed call with the timeout, turning NuGet's and the network's exceptions into feed failures.</summary>
    private async Task<T> CallAsync<T>(SourceRepository repository, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var source = repository.PackageSource;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PackageFeedException(PackageFeedFailure.Unreachable, FeedMessages.TimedOut(source.Name, source.Source, _timeout), source.Name, e);
        }
        catch (Exception e) when (e is not PackageFeedException and not OperationCanceledException)
        {
            throw Translate(source.Name, source.Source, e);
        }
    }

    private static PackageFeedException Translate(string name, string url, Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case HttpRequestException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden }:
                    return new PackageFeedException(PackageFeedFailure.Unauthorized, FeedMessages.Unauthorized(name, url), name, e);
                case HttpRequestException { StatusCode: not null } http:
                    return new PackageFeedException(PackageFeedFailure.ServerError, FeedMessages.ServerError(name, url, http.Message), name, e);
                case SocketException or HttpRequestException:
                    return new PackageFeedException(PackageFeedFailure.Unreachable, FeedMessages.Unreachable(name, url, Innermost(e).Message), name, e);
                case DirectoryNotFoundException:
                    return new PackageFeedException(PackageFeedFailure.Unreachable, FeedMessages.Unreachable(name, url, inner.Message), name, e);
                default:
                    break;
            }
        }

        var all = string.Join(" ", Chain(e).Select(x => x.Message));
        if (all.Contains("401", StringComparison.Ordinal) || all.Contains("403", StringComparison.Ordinal))
        {
            return new PackageFeedException(PackageFeedFailure.Unauthorized, FeedMessages.Unauthorized(name, url), name, e);
        }

        if (e is FatalProtocolException && !url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return new PackageFeedException(PackageFeedFailure.Unreachable, FeedMessages.Unreachable(name, url, Innermost(e).Message), name, e);
        }

        return new PackageFeedException(PackageFeedFailure.ServerError, FeedMessages.ServerError(name, url, Innermost(e).Message), name, e);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            yield return inner;
        }
    }

    private static Exception Innermost(Exception e) => Chain(e).Last();
}
