using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Testing.Feeds;
using Microsoft.AspNetCore.Hosting;

namespace CrmKit.AspNetCore.Tests.PluginPackages;

/// <summary>
/// The real server with plugin distribution: its nuget.config lists one flat folder feed holding fixture.base 1.0.0
/// (packed from the published fixture plugin) and a package that is not a plugin.
/// </summary>
public sealed class PluginPackageServerFactory : TestServerFactory
{
    public PluginPackageServerFactory()
        : base("crmkit-plugin-packages-web-")
    {
        var publish = Path.Combine(AppContext.BaseDirectory, "fixture-plugins", "fixture.base");
        var feed = FolderFeed.WriteFlat(Path.Combine(Directory, "feed"),
            PluginPackageBuilder.Build(new PluginPackageSpec { Id = "fixture.base", Version = "1.0.0", PublishFolder = publish }),
            PluginPackageBuilder.Build(new PluginPackageSpec { Id = "fixture.library", Version = "1.0.0", PublishFolder = publish, PackageTypes = [] }));
        FolderFeed.WriteNuGetConfig(Path.Combine(Directory, "nuget.config"), new FeedSource("local", feed));
        Settings["CrmKit:Distribution:NuGetConfig"] = Path.Combine(Directory, "nuget.config");
        Settings["CrmKit:Distribution:LockFile"] = LockFile;
    }

    public string LockFile => Path.Combine(Directory, "plugins.lock.json");

    protected override void Configure(IWebHostBuilder builder)
    {
    }
}
