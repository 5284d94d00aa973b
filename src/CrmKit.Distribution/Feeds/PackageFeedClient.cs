using NuGet.Versioning;

namespace CrmKit.Distribution.Feeds;

/// <summary>
/// Reads packages from the enabled sources of a nuget.config (folder feeds and HTTP v3 feeds, with the credentials the
/// config holds): lists the versions of a package id and downloads one version to a local file whose SHA-512 is checked
/// against the feed. Errors are <see cref="PackageFeedException"/>s. Used for plugin packages and edition packages.
/// </summary>
public sealed partial class PackageFeedClient
{
    /// <summary>Finds every version of a package on every feed, highest first; a version on several feeds once (first feed wins).</summary>
    /// <param name="id">The package id.</param>
    /// <param name="includePrerelease">Whether prerelease versions are listed.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The versions; empty when no feed has the id.</returns>
    /// <exception cref="PackageFeedException">A feed failed (unreachable, server error, unauthorized).</exception>
    public Task<IReadOnlyList<FeedPackageVersion>> FindVersionsAsync(string id, bool includePrerelease, CancellationToken cancellationToken) =>
        FindVersionsCoreAsync(id, includePrerelease, cancellationToken);

    /// <summary>
    /// Downloads one version into <paramref name="destinationDirectory"/> as <c>id.version.nupkg</c> and checks its
    /// SHA-512 against the feed (HTTP: the registration's packageHash; v3 folder: the .nupkg.sha512 file; a flat
    /// folder declares nothing). When <paramref name="expectedSha512"/> is given the file must match it too.
    /// </summary>
    /// <param name="id">The package id.</param>
    /// <param name="version">The version.</param>
    /// <param name="destinationDirectory">Where to write the file; created when missing.</param>
    /// <param name="expectedSha512">A pinned hash (base64) the file must have, or null.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The verified local file.</returns>
    /// <exception cref="PackageFeedException">Not found, a feed failed, or a hash differs (nothing is left in the folder).</exception>
    public Task<DownloadedPackage> DownloadAsync(string id, NuGetVersion version, string destinationDirectory, string? expectedSha512, CancellationToken cancellationToken) =>
        DownloadCoreAsync(id, version, destinationDirectory, expectedSha512, cancellationToken);

    /// <summary>Searches every feed for packages of one package type, such as <c>CrmKitPlugin</c> or <c>CrmKitEdition</c>.</summary>
    /// <param name="query">Words to look for; empty lists every package of the type.</param>
    /// <param name="packageType">The package type.</param>
    /// <param name="includePrerelease">Whether prerelease versions count.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>One result per id (first feed wins), ordered by id.</returns>
    /// <exception cref="PackageFeedException">A feed failed.</exception>
    public async Task<IReadOnlyList<FeedSearchResult>> SearchAsync(string query, string packageType, bool includePrerelease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packageType);
        using var session = OpenSession();
        return await session.SearchAsync(query ?? string.Empty, packageType, includePrerelease, cancellationToken);
    }
}
