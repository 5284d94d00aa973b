using CrmKit.Core;
using CrmKit.Distribution;
using CrmKit.Plugins;
using CrmKit.Testing.Feeds;
using Microsoft.AspNetCore.Builder;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>
/// The real REST API with the plugin runtime and plugin distribution: a nuget.config listing one flat folder feed that
/// holds fixture.base 1.0.0 (packed from the published fixture plugin), an unwatched plugins folder and a lock file in
/// the temp directory.
/// </summary>
public sealed class RealPackageServer : RealServer
{
    public string PluginsFolder => Path.Combine(Directory, "plugins");

    public string LockFile => Path.Combine(Directory, "plugins.lock.json");

    protected override void Configure(WebApplicationBuilder builder, CrmKitBuilder crm)
    {
        var publish = Path.Combine(AppContext.BaseDirectory, "fixture-plugins", "fixture.base");
        var feed = FolderFeed.WriteFlat(Path.Combine(Directory, "feed"),
            PluginPackageBuilder.Build(new PluginPackageSpec { Id = "fixture.base", Version = "1.0.0", PublishFolder = publish }));
        var config = FolderFeed.WriteNuGetConfig(Path.Combine(Directory, "nuget.config"), new FeedSource("local", feed));
        crm.AddPlugins(o =>
        {
            o.Directory = PluginsFolder;
            o.WatchDirectory = false;
        });
        crm.AddPluginPackages(o =>
        {
            o.NuGetConfig = config;
            o.LockFile = LockFile;
        });
    }
}
