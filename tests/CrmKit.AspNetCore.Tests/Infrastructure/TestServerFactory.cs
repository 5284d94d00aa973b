using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CrmKit.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The real server (CrmKit.Server's Program) over a real SQLite file in a fresh temporary directory, started with a
/// known administrator API key that every client from <see cref="WebApplicationFactory{T}.CreateClient()"/> sends. The
/// directory is deleted afterwards. Subclasses add their settings in <see cref="Configure"/>.
/// </summary>
public abstract class TestServerFactory : WebApplicationFactory<Program>
{
    /// <summary>The administrator's API key the server is started with.</summary>
    public const string AdminKey = "crmk_testadmin0000_aVeryLongSecretForTheTestAdministrator000000";

    protected TestServerFactory(string prefix)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>The temporary directory holding the database, the key ring and any plugins folder.</summary>
    public string Directory { get; }

    /// <summary>The database file.</summary>
    public string DatabasePath => Path.Combine(Directory, "crmkit.db");

    /// <summary>Settings added on top of appsettings.json, as a host's configuration would.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every log message of the server at every level (set before the first client is made).</summary>
    public LogCapture? Logs { get; set; }

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client that authenticates with <paramref name="key"/>.</summary>
    public HttpClient CreateClient(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected abstract void Configure(IWebHostBuilder builder);

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Storage:ConnectionString", "Data Source=" + DatabasePath);
        builder.UseSetting("CrmKit:Security:BootstrapApiKey", AdminKey);
        builder.UseSetting("CrmKit:Security:KeyRingDirectory", Path.Combine(Directory, "keys"));
        builder.UseSetting("CrmKit:Plugins:Directory", Path.Combine(Directory, "plugins"));
        builder.UseSetting("CrmKit:Plugins:WatchDirectory", "false");
        if (Logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        }

        Configure(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on some platform; the temp directory is cleaned by the OS eventually.
            }
        }
    }
}
