namespace CrmKit.Cli.Api;

/// <summary>The REST API's paths (docs/rest-api.md), relative to the server address, with segments escaped.</summary>
internal static class ApiPaths
{
    public const string Entities = "api/metadata/entities";

    public const string IndexBuilds = "api/metadata/index-builds";

    public static string Entity(string entity) => $"{Entities}/{Escape(entity)}";

    public static string EntitySchema(string entity) => $"{Entity(entity)}/schema";

    public static string EntityHistory(string entity) => $"{Entity(entity)}/history";

    public static string Fields(string entity) => $"{Entity(entity)}/fields";

    public static string Field(string entity, string field) => $"{Fields(entity)}/{Escape(field)}";

    public static string Records(string entity) => $"api/records/{Escape(entity)}";

    public static string Record(string entity, string id) => $"{Records(entity)}/{Escape(id)}";

    public static string RecordRestore(string entity, string id) => $"{Record(entity, id)}/restore";

    public static string RecordMessage(string entity, string id, string message) => $"{Record(entity, id)}/messages/{Escape(message)}";

    public static string RecordHistory(string entity, string id) => $"{Record(entity, id)}/history";

    public static string RecordExport(string entity) => $"{Records(entity)}/export";

    public static string EgrulLookup(string innOrOgrn) => $"api/integrations/egrul/{Escape(innOrOgrn)}";

    public const string Me = "api/me";

    public const string Users = "api/users";

    public static string User(string id) => $"{Users}/{Escape(id)}";

    public const string Teams = "api/teams";

    public static string Team(string id) => $"{Teams}/{Escape(id)}";

    public const string Roles = "api/roles";

    public static string Role(string name) => $"{Roles}/{Escape(name)}";

    public const string ApiKeys = "api/api-keys";

    public static string ApiKey(string id) => $"{ApiKeys}/{Escape(id)}";

    public const string Plugins = "api/plugins";

    /// <summary>The editions: list, plan, install, upgrade.</summary>
    public const string Editions = "api/editions";

    public const string PluginsScan = $"{Plugins}/scan";

    public static string Plugin(string id) => $"{Plugins}/{Escape(id)}";

    public static string PluginSettings(string id) => $"{Plugin(id)}/settings";

    /// <summary><c>enable</c>, <c>disable</c> or <c>reload</c> of one plugin.</summary>
    public static string PluginAction(string id, string action) => $"{Plugin(id)}/{action}";

    /// <summary>The plugin packages installed from feeds (plugins.lock.json).</summary>
    public const string PluginPackages = "api/plugin-packages";

    /// <summary>Plans a plugin package change without applying it.</summary>
    public const string PluginPackagesPlan = $"{PluginPackages}/plan";

    /// <summary>Plans and applies a plugin package change.</summary>
    public const string PluginPackagesApply = $"{PluginPackages}/apply";

    /// <summary>Restores the set plugins.lock.json pins.</summary>
    public static string PluginPackagesRestore(bool dryRun) => $"{PluginPackages}/restore{(dryRun ? "?dryRun=true" : string.Empty)}";

    /// <summary>Searches the feeds for plugin packages.</summary>
    public static string PluginPackagesSearch(string query, bool prerelease) =>
        $"{PluginPackages}/search?q={Uri.EscapeDataString(query)}&prerelease={(prerelease ? "true" : "false")}";

    public const string Templates = "api/templates";

    /// <summary>One template; <paramref name="locale"/>, when set, picks the locale (<c>?locale=</c>).</summary>
    public static string Template(string name, string? locale = null) =>
        WithQuery($"{Templates}/{Escape(name)}", [new("locale", locale)]);

    public static string TemplatePreview(string name) => $"{Templates}/{Escape(name)}/preview";

    public const string FileMigrations = "api/files/migrations";

    public const string FileMigrationCurrent = "api/files/migrations/current";

    public const string Outbox = "api/outbox";

    public static string OutboxJob(string id) => $"{Outbox}/{Escape(id)}";

    public static string OutboxRequeue(string id) => $"{OutboxJob(id)}/requeue";

    /// <summary>Appends a query string built from the pairs whose value is not null.</summary>
    public static string WithQuery(string path, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var query = string.Join(
            '&',
            parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
