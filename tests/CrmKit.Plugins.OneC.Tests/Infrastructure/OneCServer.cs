using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CrmKit.Plugins.OneC.Tests.Infrastructure;

/// <summary>
/// The stock CrmKit server (CrmKit.Server's Program) on Kestrel, on a loopback port, over a SQLite file in a fresh
/// temporary folder, with the published plugin copied into its plugins folder — loaded by the plugin runtime exactly as
/// an installed plugin is. Clients talk real HTTP to it.
/// </summary>
public sealed class OneCServer : WebApplicationFactory<Program>
{
    public const string AdminKey = "crmk_testadmin0000_aVeryLongSecretForTheTestAdministrator000000";
    public const string Login = "exchange1c";
    public const string Password = "Пароль-1С-secret";

    public OneCServer()
        : this(withRequisites: false)
    {
    }

    /// <summary>Starts the server; with <paramref name="withRequisites"/> the ru.requisites plugin is installed beside the 1C one.</summary>
    public OneCServer(bool withRequisites)
    {
        Folder = Directory.CreateTempSubdirectory("crmkit-onec-").FullName;
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "published-plugins", "crmkit.onec"), Path.Combine(Folder, "plugins", "crmkit.onec"));
        if (withRequisites)
        {
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "published-plugins", "ru.requisites"), Path.Combine(Folder, "plugins", "ru.requisites"));
        }

        UseKestrel(0);
        StartServer();
    }

    public string Folder { get; }

    /// <summary>What the server logged at error level.</summary>
    public ErrorLog Errors { get; } = new();

    public string StagingDirectory => Path.Combine(Folder, "staging");

    public string ExportDirectory => Path.Combine(Folder, "export");

    /// <summary>A client that authenticates as the administrator.</summary>
    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>A client as 1C is: no CrmKit credentials, no cookie handling of its own.</summary>
    public HttpClient Anonymous() => CreateDefaultClient(ClientOptions.BaseAddress);

    /// <summary>1C's side of the exchange, reporting server errors in its assertion messages.</summary>
    internal OneCClient OneC(string password = Password) => new(Anonymous(), password: password, errors: Errors);

    /// <summary>Creates the exchange's service account and saves the plugin's settings.</summary>
    public async Task ConfigureExchangeAsync(JsonObject? extra = null)
    {
        using var admin = Admin();
        var account = await admin.PostAsJsonAsync("/api/users", new JsonObject
        {
            ["id"] = "svc-onec", ["displayName"] = "1C exchange", ["kind"] = "service", ["roles"] = new JsonArray("administrator"),
        });
        account.EnsureSuccessStatusCode();
        var values = new JsonObject
        {
            ["login"] = Login,
            ["password"] = Password,
            ["fileLimit"] = 65536,
            ["stagingDirectory"] = StagingDirectory,
            ["exportDirectory"] = ExportDirectory,
        };
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value?.DeepClone();
        }

        var saved = await admin.PutAsJsonAsync("/api/plugins/crmkit.onec/settings", new JsonObject { ["values"] = values });
        saved.EnsureSuccessStatusCode();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Storage:ConnectionString", "Data Source=" + Path.Combine(Folder, "crmkit.db"));
        builder.UseSetting("CrmKit:Security:BootstrapApiKey", AdminKey);
        builder.UseSetting("CrmKit:Security:KeyRingDirectory", Path.Combine(Folder, "keys"));
        builder.UseSetting("CrmKit:Plugins:Directory", Path.Combine(Folder, "plugins"));
        builder.UseSetting("CrmKit:Plugins:WatchDirectory", "false");
        builder.UseSetting("CrmKit:Api:RateLimit:Enabled", "false");
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open; the temp folder is cleaned by the OS eventually.
            }
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
