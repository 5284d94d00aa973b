using System.Security.Cryptography;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace CrmKit.Distribution.Feeds;

public sealed partial class PackageFeedClient
{
    private readonly string _configPath;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a client over the enabled sources and credentials of a nuget.config.</summary>
    /// <param name="nugetConfigPath">The nuget.config file.</param>
    /// <param name="timeout">How long one feed operation may take before the feed counts as unreachable.</param>
    public PackageFeedClient(string nugetConfigPath, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nugetConfigPath);
        _configPath = Path.GetFullPath(nugetConfigPath);
        _timeout = timeout;
    }

    /// <summary>The nuget.config the client reads.</summary>
    public string ConfigPath => _configPath;

    /// <summary>Opens a session: the config's sources, loaded once, and one cache context for several requests.</summary>
    internal FeedSession OpenSession() => new(FeedSources.Load(_configPath), _timeout);

    private async Task<IReadOnlyList<FeedPackageVersion>> FindVersionsCoreAsync(string id, bool includePrerelease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        using var session = OpenSession();
        var versions = await session.FindVersionsAsync(id, cancellationToken);
        return [.. versions.Where(v => includePrerelease || !v.Version.IsPrerelease)];
    }

    private async Task<DownloadedPackage> DownloadCoreAsync(
        string id, NuGetVersion version, string destinationDirectory, string? expectedSha512, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(version);
        using var session = OpenSession();
        var found = (await session.FindVersionsAsync(id, cancellationToken)).FirstOrDefault(v => v.Version == version)
            ?? throw new PackageFeedException(PackageFeedFailure.NotFound, FeedMessages.VersionNotFound(id, version));
        return await session.DownloadAsync(found, destinationDirectory, expectedSha512, cancellationToken);
    }

    /// <summary>The SHA-512 of a file, base64 (as NuGet writes .nupkg.sha512 files and packageHash).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The hash.</returns>
    public static string ComputeSha512(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToBase64String(SHA512.HashData(stream));
    }

    /// <summary>Reads a downloaded package's nuspec and checks that it is the id and version asked for.</summary>
    internal static NuspecReader ReadNuspec(string filePath, string id, NuGetVersion version, string source)
    {
        try
        {
            using var reader = new PackageArchiveReader(filePath);
            var nuspec = reader.NuspecReader;
            var identity = nuspec.GetIdentity();
            if (!string.Equals(identity.Id, id, StringComparison.OrdinalIgnoreCase) || identity.Version != version)
            {
                throw new PackageFeedException(PackageFeedFailure.InvalidPackage,
                    FeedMessages.IdentityMismatch(id, version, identity, source), source);
            }

            return nuspec;
        }
        catch (Exception e) when (e is InvalidDataException or PackagingException or IOException or System.Xml.XmlException)
        {
            throw new PackageFeedException(PackageFeedFailure.InvalidPackage, FeedMessages.Unreadable(id, version, source, e.Message), source, e);
        }
    }

    internal static PackageIdentity Identity(string id, NuGetVersion version) => new(id, version);
}
