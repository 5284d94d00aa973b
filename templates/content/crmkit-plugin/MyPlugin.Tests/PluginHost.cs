using CrmKit.Core;
using CrmKit.Plugins;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MyPlugin.Tests;

/// <summary>
/// A real CrmKit host in process: a generic host over a SQLite file in a temp folder, with the plugin added in code and
/// its manifest read from the build output, as a server would read it from the plugin folder.
/// </summary>
internal sealed class PluginHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;

    private PluginHost(IHost host, string directory)
    {
        _host = host;
        _directory = directory;
    }

    /// <summary>
    /// Who the tests act as: an administrator, so that the plugin's behaviour is tested apart from role grants. Test a
    /// restricted user by saving a role through <c>ISecurityDirectoryService</c> and acting with its name.
    /// </summary>
    public static CrmPrincipal User { get; } = new("tester", "Tester", ["administrator"], CrmChannel.Rest);

    /// <summary>The records service of the host.</summary>
    public IRecordService Records => _host.Services.GetRequiredService<IRecordService>();

    /// <summary>Starts a host with the plugin.</summary>
    public static async Task<PluginHost> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("crmkit-plugin-tests-").FullName;
        var manifest = PluginManifestReader.ReadFile(Path.Combine(AppContext.BaseDirectory, PluginManifestReader.FileName));

        var builder = Host.CreateApplicationBuilder();
        builder.Services
            .AddCrmKit()
            .UseSqlite($"Data Source={Path.Combine(directory, "crm.db")};Pooling=False")
            .AddPlugins(o => o.AddInCode(new ModuleClassName(), manifest));
        var host = builder.Build();
        await host.StartAsync();
        return new PluginHost(host, directory);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is left for the OS to clean when a file handle lingers.
        }
    }
}
