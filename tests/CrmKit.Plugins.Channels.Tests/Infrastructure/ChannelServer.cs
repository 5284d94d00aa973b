using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CrmKit.Plugins.Channels.Tests.Infrastructure;

/// <summary>
/// The stock CrmKit server on Kestrel (loopback port, SQLite file in a fresh folder) with the three published channel
/// plugins in its plugins folder, loaded by the plugin runtime as installed plugins are, and one instance of each
/// channel configured: <c>tg</c> (Telegram), <c>vk</c> (VK) and <c>site</c> (a website form). Outbound calls go to the
/// fake Bot API and VK API given.
/// </summary>
public sealed class ChannelServer : WebApplicationFactory<Program>
{
    public const string AdminKey = "crmk_testadmin0000_aVeryLongSecretForTheTestAdministrator000000";
    public const string BotToken = "123456:TEST-bot-token_abc";
    public const string TelegramSecret = "tg-secret_0123456789";
    public const string VkSecret = "my_callback_secret";
    public const string VkGroup = "123456789";
    public const string VkConfirmation = "a1b2c3d4";
    public const string VkAccessToken = "vk1.a.test-access-token";
    public const string FormToken = "form-token-0123456789abcdef";
    public const string SiteOrigin = "https://shop.example.ru";
    public const int FormRateLimit = 8;

    private readonly string _botApi;
    private readonly string _vkApi;

    public ChannelServer(string botApi, string vkApi)
    {
        _botApi = botApi;
        _vkApi = vkApi;
        Folder = Directory.CreateTempSubdirectory("crmkit-channels-").FullName;
        foreach (var id in (string[])["crmkit.telegram", "crmkit.vk", "crmkit.web-forms"])
        {
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "published-plugins", id), Path.Combine(Folder, "plugins", id));
        }

        UseKestrel(0);
        StartServer();
    }

    public string Folder { get; }

    public ErrorLog Errors { get; } = new();

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>A client as Telegram, VK or a browser is: no CrmKit credentials.</summary>
    public HttpClient Anonymous() => CreateDefaultClient(ClientOptions.BaseAddress);

    /// <summary>Creates the service account the channels store messages as.</summary>
    public async Task CreateServiceAccountAsync()
    {
        using var admin = Admin();
        var account = await admin.PostAsJsonAsync("/api/users", new JsonObject
        {
            ["id"] = "svc-channels", ["displayName"] = "Channels", ["kind"] = "service", ["roles"] = new JsonArray("administrator"),
        });
        account.EnsureSuccessStatusCode();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Storage:ConnectionString", "Data Source=" + Path.Combine(Folder, "crmkit.db"));
        builder.UseSetting("CrmKit:Security:BootstrapApiKey", AdminKey);
        builder.UseSetting("CrmKit:Security:KeyRingDirectory", Path.Combine(Folder, "keys"));
        builder.UseSetting("CrmKit:Plugins:Directory", Path.Combine(Folder, "plugins"));
        builder.UseSetting("CrmKit:Plugins:WatchDirectory", "false");
        builder.UseSetting("CrmKit:Api:RateLimit:Enabled", "false");
        Instance(builder, "tg", "telegram", ("botToken", BotToken), ("secretToken", TelegramSecret), ("apiBaseUrl", _botApi));
        Instance(builder, "vk", "vk", ("groupId", VkGroup), ("secret", VkSecret), ("confirmationCode", VkConfirmation),
            ("accessToken", VkAccessToken), ("apiBaseUrl", _vkApi));
        Instance(builder, "site", "web-form", ("token", FormToken), ("allowedOrigins", SiteOrigin), ("honeypotField", "website"),
            ("rateLimitPerMinute", FormRateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("formName", "Заявка с сайта"));
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

    private static void Instance(IWebHostBuilder builder, string id, string type, params (string Key, string Value)[] settings)
    {
        builder.UseSetting($"CrmKit:Channels:{id}:Type", type);
        builder.UseSetting($"CrmKit:Channels:{id}:ServiceAccount", "svc-channels");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting($"CrmKit:Channels:{id}:Settings:{key}", value);
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
