using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Roles;

/// <summary>
/// Prints entity permissions (the <c>entities</c> member of a role and of <c>/api/me</c>) as one row per entity: the
/// scope of each operation (<c>none</c>, <c>own</c>, <c>team</c>, <c>all</c>) and the hidden and read-only fields. Like
/// other list tables it cuts long cells (an entity the account may not read lists every field as hidden);
/// <c>--output json</c> has them whole.
/// </summary>
internal static class AccessTable
{
    private static readonly string[] Operations = ["create", "read", "update", "delete", "export"];

    public static void Write(TextWriter writer, JsonNode? entities)
    {
        var table = new TableWriter(
        [
            CliMessages.HeaderEntity, CliMessages.HeaderCreate, CliMessages.HeaderRead, CliMessages.HeaderUpdate,
            CliMessages.HeaderDelete, CliMessages.HeaderExport, CliMessages.HeaderHiddenFields, CliMessages.HeaderReadOnlyFields,
        ]);
        foreach (var (entity, grant) in entities as JsonObject ?? [])
        {
            table.AddRow(
            [
                entity,
                .. Operations.Select(operation => JsonText.ToCell(grant?[operation])),
                Fields(grant, "hidden"),
                Fields(grant, "read_only"),
            ]);
        }

        table.Write(writer);
    }

    private static string Fields(JsonNode? grant, string access) =>
        string.Join(", ", (grant?["fields"] as JsonObject ?? [])
            .Where(field => JsonText.ToCell(field.Value) == access)
            .Select(field => field.Key));
}
