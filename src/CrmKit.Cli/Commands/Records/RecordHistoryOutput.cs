using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Records;

/// <summary>
/// Prints a page of a record's audit trail: one row per entry with its first change, then one row per further change
/// (<c>field: old → new</c>, or <c>field: (hidden)</c> for a field the caller may not read); then how to read on.
/// </summary>
internal static class RecordHistoryOutput
{
    public static void Write(TextWriter writer, JsonNode? page)
    {
        var table = new TableWriter(
        [
            CliMessages.HeaderSequence, CliMessages.HeaderAt, CliMessages.HeaderOperation, CliMessages.HeaderUser,
            CliMessages.HeaderChannel, CliMessages.HeaderSource, CliMessages.HeaderChanges,
        ], maxCellWidth: 80);
        foreach (var entry in (page?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var changes = (entry["changes"] as JsonArray ?? []).Select(Describe).ToList();
            table.AddRow(
                JsonText.ToCell(entry["sequence"]),
                JsonText.ToCell(entry["at"]),
                JsonText.ToCell(entry["operation"]),
                JsonText.GetString(entry["user"], "id"),
                JsonText.ToCell(entry["channel"]),
                JsonText.ToCell(entry["source"]),
                changes.FirstOrDefault());
            foreach (var change in changes.Skip(1))
            {
                table.AddRow("", "", "", "", "", "", change);
            }
        }

        table.Write(writer);
        if (page?["before"] is JsonValue before)
        {
            writer.WriteLine(CliMessages.HistoryMoreWithBefore(JsonText.ToCell(before)));
        }
    }

    // A change of another shape (a newer server) is shown as its JSON rather than dropped.
    private static string Describe(JsonNode? change)
    {
        var field = JsonText.GetString(change, "field");
        if (field is null)
        {
            return JsonText.ToCell(change);
        }

        if (change?["masked"] is JsonValue masked && masked.TryGetValue<bool>(out var isMasked) && isMasked)
        {
            return $"{field}: {CliMessages.ChangeHidden}";
        }

        return $"{field}: {Value(change?["old"])} → {Value(change?["new"])}";
    }

    // null is written out so that a cleared or newly set value is not mistaken for an empty string.
    private static string Value(JsonNode? value) => value is null ? "null" : JsonText.ToCell(value);
}
