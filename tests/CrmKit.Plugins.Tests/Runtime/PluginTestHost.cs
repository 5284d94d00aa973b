using System.Text.Json.Nodes;
using CrmKit.Core;
using CrmKit.Core.Metadata;
using CrmKit.Core.Modules;
using CrmKit.Core.Plugins;
using CrmKit.Plugins.Runtime;
using CrmKit.Plugins.Tests.Loading;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Plugins.Tests.Runtime;

/// <summary>
/// A real CrmKit host over a SQLite file with the plugin runtime and a plugins folder in a temp directory, started
/// like a host starts it. Fixture plugins are copied into its plugins folder.
/// </summary>
internal sealed class PluginTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private PluginTestHost(string directory, ServiceProvider provider)
    {
        Root = directory;
        _provider = provider;
    }

    public static CrmPrincipal User { get; } = new("alice", "Alice", ["administrator"], CrmChannel.Rest);

    public string Root { get; }

    public string PluginsFolder => Path.Combine(Root, "plugins");

    public IPluginManager Plugins => _provider.GetRequiredService<IPluginManager>();

    internal PluginRuntime Runtime => _provider.GetRequiredService<PluginRuntime>();

    public IRecordService Records => _provider.GetRequiredService<IRecordService>();

    public IMetadataService Metadata => _provider.GetRequiredService<IMetadataService>();

    public ICrmExtensions Extensions => _provider.GetRequiredService<ICrmExtensions>();

    public IFieldTypeRegistry FieldTypes => _provider.GetRequiredService<IFieldTypeRegistry>();

    public IServiceProvider Services => _provider;

    /// <summary>Creates a host folder with the given fixtures copied into its plugins folder (not started yet).</summary>
    public static string PrepareFolder(params string[] fixtures)
    {
        var root = Directory.CreateTempSubdirectory("crmkit-runtime-").FullName;
        foreach (var fixture in fixtures)
        {
            CopyFixture(root, fixture);
        }

        return root;
    }

    /// <summary>Copies a published fixture into a host folder's plugins folder, as <c>dotnet publish -o</c> would.</summary>
    public static string CopyFixture(string root, string fixture, string? folderName = null)
    {
        var source = FixturePlugins.Folder(fixture);
        var target = Path.Combine(root, "plugins", folderName ?? fixture);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        return target;
    }

    public static async Task<PluginTestHost> StartAsync(string root, Action<PluginRuntimeOptions>? configure = null, bool watch = false)
    {
        var services = new ServiceCollection();
        services.AddCrmKit()
            .UseSqlite($"Data Source={Path.Combine(root, "crm.db")};Pooling=False")
            .AddPlugins(o =>
            {
                o.Directory = Path.Combine(root, "plugins");
                o.WatchDirectory = watch;
                o.WatchDelay = TimeSpan.FromMilliseconds(200);
                o.StartTimeout = TimeSpan.FromSeconds(2);
                configure?.Invoke(o);
            });
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new PluginTestHost(root, provider);
    }

    public PluginStatus Status(string id) => Plugins.Find(id) ?? throw new InvalidOperationException($"No plugin '{id}'.");

    public async Task<CrmRecord> CreateAsync(string entity, string json) =>
        (await Records.CreateAsync(User, entity, [JsonNode.Parse(json)!.AsObject()]))[0];

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _provider.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
    }

    /// <summary>Deletes a host folder; a plugin a failed test left loaded may hold a handle, which is harmless.</summary>
    public static void Delete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
