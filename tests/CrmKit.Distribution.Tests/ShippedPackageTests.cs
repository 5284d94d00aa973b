using CrmKit.Core.Plugins;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Tests.Infrastructure;
using CrmKit.Testing.Feeds;

namespace CrmKit.Distribution.Tests;

/// <summary>The shipped plugins, packed by the CrmKit.Sdk pack targets (dotnet pack), installed over HTTP and loaded.</summary>
public sealed class ShippedPackageTests
{
    [Fact]
    public async Task RealEgrulPackage_InstallsWithItsRequisitesDependency_AndLoads()
    {
        var egrul = TestPackage.FromFile(ShippedPackages.File("ru.egrul.1.0.0.nupkg"));
        var requisites = TestPackage.FromFile(ShippedPackages.File("ru.requisites.1.0.0.nupkg"));
        await using var feed = await HttpFeedServer.StartAsync(egrul, requisites);
        var root = DistributionHost.NewRoot();
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("remote", feed.IndexUrl)]);

        var plan = await host.InstallAsync(DistributionHost.Install("ru.egrul"));

        plan.Steps.Select(s => (s.Id, s.Action, s.Requested)).ShouldBe(
            [("ru.egrul", PluginPackageAction.Install, true), ("ru.requisites", PluginPackageAction.Install, false)]);
        var status = host.Status("ru.egrul")!;
        status.State.ShouldBe(PluginState.Loaded, status.Reason);
        host.Status("ru.requisites")!.State.ShouldBe(PluginState.Loaded);
        var folder = Path.Combine(host.PluginsFolder, "ru.egrul");
        File.Exists(Path.Combine(folder, "CrmKit.Plugins.Egrul.dll")).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "Polly.Core.dll")).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "Microsoft.Extensions.Http.dll")).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "CrmKit.Sdk.dll")).ShouldBeFalse();
        File.Exists(Path.Combine(folder, "Microsoft.Extensions.DependencyInjection.Abstractions.dll")).ShouldBeFalse();
    }
}
