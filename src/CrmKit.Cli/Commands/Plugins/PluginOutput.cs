using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Plugins;

/// <summary>Prints PluginStatus objects (docs/rest-api.md): a list as a table, one plugin as a property table.</summary>
internal static class PluginOutput
{
    /// <summary>
    /// One row a plugin; the reason column holds the reason's code (<c>plugin show</c> prints its message). With the
    /// installed packages (<c>GET /api/plugin-packages</c>), the package version and source follow; a package pinned in
    /// the lock file that the runtime does not know (its folder went away) gets a row of its own.
    /// </summary>
    public static void WriteList(TextWriter writer, JsonNode? list, JsonNode? packages = null)
    {
        var installed = (packages?["items"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(p => JsonText.GetString(p, "id") ?? string.Empty, StringComparer.Ordinal);
        string[] headers = packages is null
            ? [CliMessages.HeaderId, CliMessages.HeaderVersion, CliMessages.HeaderState, CliMessages.HeaderReason]
            : [CliMessages.HeaderId, CliMessages.HeaderVersion, CliMessages.HeaderState, CliMessages.HeaderReason, CliMessages.HeaderPackage, CliMessages.HeaderSource];
        var table = new TableWriter(headers);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plugin in (list?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = JsonText.ToCell(plugin["id"]);
            seen.Add(id);
            var package = installed.GetValueOrDefault(id);
            table.AddRow(
            [
                id,
                JsonText.ToCell(plugin["version"]),
                JsonText.ToCell(plugin["state"]),
                JsonText.GetString(plugin["reason"], "code"),
                .. packages is null ? Array.Empty<string?>() : [JsonText.GetString(package, "version"), JsonText.GetString(package, "source")],
            ]);
        }

        foreach (var (id, package) in installed.Where(p => !seen.Contains(p.Key)))
        {
            table.AddRow(id, null, null, null, JsonText.GetString(package, "version"), JsonText.GetString(package, "source"));
        }

        table.Write(writer);
    }

    public static void WriteDetail(TextWriter writer, JsonNode? plugin)
    {
        var table = new TableWriter([CliMessages.HeaderField, CliMessages.HeaderValue], maxCellWidth: null);
        table.AddRow(CliMessages.HeaderId, JsonText.ToCell(plugin?["id"]));
        table.AddRow(CliMessages.HeaderName, JsonText.ToCell(plugin?["displayName"]));
        table.AddRow(CliMessages.HeaderVersion, JsonText.ToCell(plugin?["version"]));
        table.AddRow(CliMessages.HeaderDescription, JsonText.ToCell(plugin?["description"]));
        table.AddRow(CliMessages.HeaderState, JsonText.ToCell(plugin?["state"]));
        table.AddRow(CliMessages.HeaderReason, Reason(plugin));
        table.AddRow(CliMessages.HeaderSource, JsonText.ToCell(plugin?["source"]));
        table.AddRow(CliMessages.HeaderSdkRange, JsonText.ToCell(plugin?["sdkRange"]));
        table.AddRow(CliMessages.HeaderChangedAt, JsonText.ToCell(plugin?["changedAt"]));
        table.Write(writer);
        WriteStrings(writer, CliMessages.HeaderDependencies, plugin?["dependencies"]);
        WriteStrings(writer, CliMessages.HeaderRegistered, plugin?["registered"]);
    }

    /// <summary>The reason as <c>code: message</c>; empty when the plugin is loaded.</summary>
    public static string Reason(JsonNode? plugin)
    {
        var code = JsonText.GetString(plugin?["reason"], "code");
        var message = JsonText.GetString(plugin?["reason"], "message");
        return (code, message) switch
        {
            (null, null) => string.Empty,
            (null, _) => message!,
            (_, null) => code,
            _ => $"{code}: {message}",
        };
    }

    // Lists stay one item a line, so that what a plugin registered can be read (and grepped) whole.
    private static void WriteStrings(TextWriter writer, string header, JsonNode? values)
    {
        var items = (values as JsonArray ?? []).Select(JsonText.ToCell).ToList();
        writer.WriteLine();
        writer.WriteLine(CliMessages.ListHeading(header, items.Count));
        foreach (var item in items)
        {
            writer.WriteLine("  " + item);
        }
    }
}
