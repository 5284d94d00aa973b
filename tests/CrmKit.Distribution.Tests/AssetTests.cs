using CrmKit.Core.Plugins;
using CrmKit.Distribution.Tests.Infrastructure;
using CrmKit.Testing.Feeds;

namespace CrmKit.Distribution.Tests;

/// <summary>Which files of a package land in the plugin's folder.</summary>
public sealed class AssetTests
{
    [Fact]
    public async Task Install_ExtractsTheNearestLibFramework_AndLeavesHostAssembliesOut()
    {
        var package = PluginPackageBuilder.Build(new PluginPackageSpec
        {
            Id = "fixture.base",
            Version = "1.0.0",
            PublishFolder = Fixtures.Folder("fixture.base"),
            Frameworks = ["net8.0", "net10.0"],
            ExtraFiles = new Dictionary<string, string>
            {
                ["lib/netstandard2.0/marker-netstandard.txt"] = "netstandard2.0",
                ["lib/net8.0/marker-net8.txt"] = "net8.0",
                ["lib/net10.0/marker-net10.txt"] = "net10.0",
                ["lib/net10.0/runtimes/linux/native-marker.txt"] = "nested",
                ["content/readme.txt"] = "not extracted",
            },
        });
        var packaged = new NuGet.Packaging.PackageArchiveReader(new MemoryStream(package.Bytes)).GetFiles().ToList();
        packaged.ShouldContain("lib/net10.0/CrmKit.Sdk.dll");
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), package);
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);

        await host.InstallAsync(DistributionHost.Install("fixture.base"));

        var folder = Path.Combine(host.PluginsFolder, "fixture.base");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).ToList();
        files.ShouldContain("Fixture.Base.dll");
        files.ShouldContain("crmkit-plugin.json");
        files.ShouldContain("marker-net10.txt");
        files.ShouldContain("runtimes/linux/native-marker.txt");
        files.ShouldNotContain("marker-net8.txt");
        files.ShouldNotContain("marker-netstandard.txt");
        files.ShouldNotContain("readme.txt");
        files.ShouldNotContain("CrmKit.Sdk.dll");
        files.ShouldNotContain(f => f.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && f.EndsWith(".Abstractions.dll", StringComparison.Ordinal));
        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
    }

    [Fact]
    public async Task PackageWithOnlyAnOlderFramework_IsUsedWhenCompatible()
    {
        var package = PluginPackageBuilder.Build(new PluginPackageSpec
        {
            Id = "fixture.base", Version = "1.0.0", PublishFolder = Fixtures.Folder("fixture.base"), Frameworks = ["net8.0"],
        });
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), package);
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);

        await host.InstallAsync(DistributionHost.Install("fixture.base"));

        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
    }
}
