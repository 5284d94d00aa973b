using CrmKit.Core;
using CrmKit.Core.Metadata;
using CrmKit.Core.Plugins;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Plugins;
using CrmKit.Storage.Sqlite;
using CrmKit.Testing.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Distribution.Tests.Infrastructure;

/// <summary>
/// A real CrmKit host over a SQLite file in a temp folder, with the plugin runtime (plugins folder, no watcher) and
/// plugin distribution over the folder's nuget.config and plugins.lock.json, started like a host starts it.
/// </summary>
internal sealed class DistributionHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private DistributionHost(string root, ServiceProvider provider)
    {
        Root = root;
        _provider = provider;
    }

    public string Root { get; }

    public string PluginsFolder => Path.Combine(Root, "plugins");

    public string LockFile => Path.Combine(Root, "plugins.lock.json");

    public string NuGetConfig => Path.Combine(Root, "nuget.config");

    public IPluginPackageManager Packages => _provider.GetRequiredService<IPluginPackageManager>();

    public IPluginManager Plugins => _provider.GetRequiredService<IPluginManager>();

    public IMetadataService Metadata => _provider.GetRequiredService<IMetadataService>();

    public static string NewRoot() => Directory.CreateTempSubdirectory("crmkit-dist-").FullName;

    /// <summary>Starts a host in <paramref name="root"/> whose nuget.config lists <paramref name="sources"/>.</summary>
    public static async Task<DistributionHost> StartAsync(string root, FeedSource[] sources, Action<PluginPackageOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        if (sources.Length > 0)
        {
            FolderFeed.WriteNuGetConfig(Path.Combine(root, "nuget.config"), sources);
        }

        var collection = new ServiceCollection();
        collection.AddCrmKit()
            .UseSqlite($"Data Source={Path.Combine(root, "crm.db")};Pooling=False")
            .AddPlugins(o =>
            {
                o.Directory = Path.Combine(root, "plugins");
                o.WatchDirectory = false;
                o.StartTimeout = TimeSpan.FromSeconds(5);
            })
            .AddPluginPackages(o =>
            {
                o.NuGetConfig = Path.Combine(root, "nuget.config");
                o.LockFile = Path.Combine(root, "plugins.lock.json");
                o.FeedTimeout = TimeSpan.FromSeconds(20);
                configure?.Invoke(o);
            });
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new DistributionHost(root, provider);
    }

    public PluginStatus? Status(string id) => Plugins.Find(id);

    /// <summary>Whether the metadata registry has an entity (plugin entities stay defined with their data after unload).</summary>
    public bool HasEntity(string name) => Metadata.GetEntities().Any(e => e.Name == name);

    /// <summary>The display name of a field type registered now, or null: a plugin's code being live.</summary>
    public string? FieldType(string name) =>
        _provider.GetRequiredService<CrmKit.Sdk.Extensibility.IFieldTypeRegistry>().TryGet(name, out var type) ? type.Descriptor.DisplayName.Get() : null;

    public Dictionary<string, string> Snapshot() => FolderSnapshot.Take(PluginsFolder, LockFile);

    /// <summary>Plans, applies and commits; fails the test when the plan has problems.</summary>
    public async Task<PluginPackagePlan> InstallAsync(PluginPackageRequest request)
    {
        var plan = await Packages.PlanAsync(request, CancellationToken.None);
        plan.Problems.ShouldBeEmpty(string.Join(" | ", plan.Problems.Select(p => $"{p.Code}: {p.Message}")));
        await using var change = await Packages.ApplyAsync(plan, CancellationToken.None);
        await change.CommitAsync(CancellationToken.None);
        return plan;
    }

    public static PluginPackageRequest Install(params string[] ids) =>
        new() { Install = [.. ids.Select(id => new PluginPackageRequirement(id))] };

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _provider.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
