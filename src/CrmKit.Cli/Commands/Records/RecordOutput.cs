using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Records;

/// <summary>Prints records: one record as a field/value table, several as columns (id plus a few fields).</summary>
internal static class RecordOutput
{
    /// <summary>How many fields a list shows next to the id when --select does not say.</summary>
    public const int DefaultListFields = 5;

    private static readonly HashSet<string> SystemFields =
        ["id", "version", "created_at", "created_by", "updated_at", "updated_by", "owner_id", "deleted_at"];

    public static void WriteRecord(CommandContext context, JsonNode? record)
    {
        if (context.Json)
        {
            context.WriteJson(record);
            return;
        }

        var table = new TableWriter([CliMessages.HeaderField, CliMessages.HeaderValue], maxCellWidth: null);
        foreach (var (name, value) in record as JsonObject ?? [])
        {
            table.AddRow(name, JsonText.ToCell(value));
        }

        table.Write(context.Out);
    }

    /// <summary>Writes <paramref name="records"/> as a table of the id and <paramref name="select"/>ed fields.</summary>
    /// <param name="writer">Receives the table.</param>
    /// <param name="records">The records.</param>
    /// <param name="select">The fields to show in this order; null shows the first few non-system fields.</param>
    public static void WriteList(TextWriter writer, IReadOnlyList<JsonObject> records, IReadOnlyList<string>? select)
    {
        var columns = new List<string> { "id" };
        if (select is { Count: > 0 })
        {
            columns.AddRange(select.Where(name => name != "id").Distinct(StringComparer.Ordinal));
        }
        else
        {
            // The union of the records' field names, in order of appearance: a record without a value may omit it.
            columns.AddRange(records
                .SelectMany(record => record.Select(p => p.Key))
                .Where(name => !SystemFields.Contains(name))
                .Distinct(StringComparer.Ordinal)
                .Take(DefaultListFields));
        }

        var table = new TableWriter(columns);
        foreach (var record in records)
        {
            table.AddRow([.. columns.Select(column => JsonText.ToCell(record[column]))]);
        }

        table.Write(writer);
    }

    public static IReadOnlyList<JsonObject> Items(JsonNode? page) =>
        [.. (page?["items"] as JsonArray ?? []).OfType<JsonObject>()];
}
