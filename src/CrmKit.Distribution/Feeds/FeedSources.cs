using NuGet.Configuration;
using NuGet.Protocol.Core.Types;

namespace CrmKit.Distribution.Feeds;

/// <summary>The enabled package sources of one nuget.config (with their credentials), as NuGet.Protocol repositories.</summary>
internal sealed class FeedSources
{
    private FeedSources(string configPath, IReadOnlyList<SourceRepository> repositories)
    {
        ConfigPath = configPath;
        Repositories = repositories;
    }

    public string ConfigPath { get; }

    public IReadOnlyList<SourceRepository> Repositories { get; }

    /// <summary>
    /// Reads the sources and credentials of exactly this file (no user or machine-wide config is merged). Plain-HTTP
    /// sources need <c>allowInsecureConnections="true"</c>, as the .NET SDK asks.
    /// </summary>
    public static FeedSources Load(string configPath)
    {
        if (!File.Exists(configPath))
        {
            throw new PackageFeedException(PackageFeedFailure.InvalidConfiguration, FeedMessages.ConfigMissing(configPath));
        }

        IReadOnlyList<PackageSource> sources;
        try
        {
            var settings = Settings.LoadSpecificSettings(Path.GetDirectoryName(configPath)!, Path.GetFileName(configPath));
            sources = [.. new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled)];
        }
        catch (NuGetConfigurationException e)
        {
            throw new PackageFeedException(PackageFeedFailure.InvalidConfiguration, FeedMessages.ConfigInvalid(configPath, e.Message), null, e);
        }

        if (sources.Count == 0)
        {
            throw new PackageFeedException(PackageFeedFailure.InvalidConfiguration, FeedMessages.NoSources(configPath));
        }

        foreach (var source in sources)
        {
            if (source.IsHttp && !source.IsHttps && !source.AllowInsecureConnections)
            {
                throw new PackageFeedException(PackageFeedFailure.InvalidConfiguration, FeedMessages.Insecure(source.Name, source.Source), source.Name);
            }

            if (source.IsLocal)
            {
                // protocolVersion="3" on a folder would make NuGet look for a service index in it; folders are read directly.
                source.ProtocolVersion = 2;
            }

            if (!source.IsHttp && !source.IsLocal)
            {
                throw new PackageFeedException(PackageFeedFailure.InvalidConfiguration, FeedMessages.Unsupported(source.Name, source.Source), source.Name);
            }
        }

        var providers = Repository.Provider.GetCoreV3();
        return new FeedSources(configPath, [.. sources.Select(s => new SourceRepository(s, providers))]);
    }
}
