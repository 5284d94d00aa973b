using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CrmKit.Plugins.Egrul.Tests.Infrastructure;

/// <summary>
/// The stock server (CrmKit.Server's Program) over a SQLite file in a temp folder, whose plugins folder holds the
/// published requisites and EGRUL plugins — loaded through the plugin runtime into load contexts of their own, as in
/// production — and a <see cref="FakeDaData"/> the EGRUL plugin's settings point at (saved through the REST API).
/// </summary>
public sealed class EgrulServerFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "crmk_egrultests000_aVeryLongSecretForTheEgrulTestAdministrator00";

    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-egrul-server-").FullName;

    internal FakeDaData DaData { get; private set; } = null!;

    internal LogCapture Logs { get; } = new();

    public string PluginsDirectory => Path.Combine(_directory, "plugins");

    public async Task InitializeAsync()
    {
        DaData = await FakeDaData.StartAsync();
        var published = Path.Combine(AppContext.BaseDirectory, "published-plugins");
        foreach (var file in Directory.EnumerateFiles(published, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(PluginsDirectory, Path.GetRelativePath(published, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        using var client = CreateClient();
        var saved = await client.PutAsJsonAsync("/api/plugins/ru.egrul/settings", new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["baseUrl"] = DaData.BaseUrl,
                ["token"] = EgrulHost.Token,
                ["maxRetries"] = 0,
                ["cacheMinutes"] = 0,
            },
        });
        saved.EnsureSuccessStatusCode();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DaData.DisposeAsync();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean when a handle lingers.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Storage:ConnectionString", "Data Source=" + Path.Combine(_directory, "crmkit.db"));
        builder.UseSetting("CrmKit:Security:BootstrapApiKey", AdminKey);
        builder.UseSetting("CrmKit:Security:KeyRingDirectory", Path.Combine(_directory, "keys"));
        builder.UseSetting("CrmKit:Plugins:Directory", PluginsDirectory);
        builder.UseSetting("CrmKit:Plugins:WatchDirectory", "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }
}
