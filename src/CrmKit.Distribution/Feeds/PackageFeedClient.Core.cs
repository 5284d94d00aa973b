using NuGet.Versioning;

namespace CrmKit.Distribution.Feeds;

public sealed partial class PackageFeedClient
{
    private readonly string _configPath;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a client over the enabled sources and credentials of a nuget.config.</summary>
    /// <param name="nugetConfigPath">The nuget.config file.</param>
    /// <param name="timeout">How long one feed request may take.</param>
    public PackageFeedClient(string nugetConfigPath, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nugetConfigPath);
        _configPath = Path.GetFullPath(nugetConfigPath);
        _timeout = timeout;
    }

    /// <summary>The nuget.config the client reads.</summary>
    public string ConfigPath => _configPath;

    private Task<IReadOnlyList<FeedPackageVersion>> FindVersionsCoreAsync(string id, bool includePrerelease, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    private Task<DownloadedPackage> DownloadCoreAsync(string id, NuGetVersion version, string destinationDirectory, string? expectedSha512, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
