using System.Text.Json.Nodes;
using CrmKit.Plugins.OneC.Model;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.OneC;

/// <summary>The plugin's settings (docs/integrations/1c.md, Settings), read fresh on every use.</summary>
internal sealed class OneCSettings
{
    public const int DefaultFileLimit = 8 * 1024 * 1024;
    public const int MaxFileLimit = 64 * 1024 * 1024;

    public string? Login { get; private init; }

    public string? Password { get; private init; }

    public string ServiceAccount { get; private init; } = "svc-onec";

    public string SchemaVersion { get; private init; } = "2.10";

    public int FileLimit { get; private init; } = DefaultFileLimit;

    public TimeSpan SessionLifetime { get; private init; } = TimeSpan.FromMinutes(60);

    public long MaxImportBytes { get; private init; } = 64L * 1024 * 1024;

    public string? StagingDirectory { get; private init; }

    public string? ExportDirectory { get; private init; }

    public static JsonObject Schema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["login"] = new JsonObject { ["type"] = "string", ["maxLength"] = 100, ["description"] = "The user name 1C sends (Basic authentication)." },
            ["password"] = new JsonObject { ["type"] = "string", ["maxLength"] = 200, ["writeOnly"] = true, ["description"] = "The password 1C sends; a secret." },
            ["serviceAccount"] = new JsonObject
            {
                ["type"] = "string", ["default"] = "svc-onec", ["maxLength"] = 64,
                ["description"] = "The CrmKit service account the exchange reads and writes records as.",
            },
            ["schemaVersion"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("2.10", "2.08"), ["default"] = "2.10" },
            ["fileLimit"] = new JsonObject
            {
                ["type"] = "integer", ["minimum"] = 65536, ["maximum"] = MaxFileLimit, ["default"] = DefaultFileLimit,
                ["description"] = "The largest part 1C sends in one mode=file call (answered to init as file_limit).",
            },
            ["sessionMinutes"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 1440, ["default"] = 60 },
            ["maxImportMegabytes"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 1024, ["default"] = 64 },
            ["stagingDirectory"] = new JsonObject { ["type"] = "string", ["description"] = "Where uploaded files wait for mode=import; default: the system temp folder." },
            ["exportDirectory"] = new JsonObject { ["type"] = "string", ["description"] = "Where the workflow action writes CommerceML files for 1C to pick up." },
        },
    };

    public static OneCSettings Read(IModuleSettings settings)
    {
        var values = settings.GetCurrent();
        return new OneCSettings
        {
            Login = Values.Text(values, "login"),
            Password = Values.Text(values, "password"),
            ServiceAccount = Values.Text(values, "serviceAccount") is { Length: > 0 } account ? account : "svc-onec",
            SchemaVersion = Values.Text(values, "schemaVersion") == "2.08" ? "2.08" : "2.10",
            FileLimit = (int)Math.Clamp(Values.Decimal(values, "fileLimit") ?? DefaultFileLimit, 65536, MaxFileLimit),
            SessionLifetime = TimeSpan.FromMinutes((double)(Values.Decimal(values, "sessionMinutes") ?? 60)),
            MaxImportBytes = (long)(Values.Decimal(values, "maxImportMegabytes") ?? 64) * 1024 * 1024,
            StagingDirectory = Values.Text(values, "stagingDirectory") is { Length: > 0 } staging ? staging : null,
            ExportDirectory = Values.Text(values, "exportDirectory") is { Length: > 0 } export ? export : null,
        };
    }
}
