using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Outbox;

/// <summary>Prints outbox jobs (docs/rest-api.md): a list as a table with the state counts, one job as a property table.</summary>
internal static class OutboxOutput
{
    /// <summary>One row a job; then the counts of every state and, when the page is full, how to read on.</summary>
    public static void WriteList(TextWriter writer, JsonNode? list, int? limit)
    {
        var items = (list?["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var table = new TableWriter(
        [
            CliMessages.HeaderId, CliMessages.OutboxHeaderKind, CliMessages.HeaderState, CliMessages.OutboxHeaderAttempts,
            CliMessages.OutboxHeaderDueAt, CliMessages.OutboxHeaderLastError,
        ]);
        foreach (var job in items)
        {
            table.AddRow(
                JsonText.ToCell(job["id"]),
                JsonText.ToCell(job["kind"]),
                JsonText.ToCell(job["state"]),
                Attempts(job),
                JsonText.ToCell(job["dueAt"]),
                JsonText.ToCell(job["lastError"]));
        }

        table.Write(writer);
        var counts = list?["counts"];
        writer.WriteLine();
        writer.WriteLine(CliMessages.OutboxCounts(
            Count(counts, "pending"), Count(counts, "running"), Count(counts, "done"), Count(counts, "dead")));
        if (items.Count > 0 && items.Count >= (limit ?? 50))
        {
            writer.WriteLine(CliMessages.OutboxMoreWithAfter(JsonText.ToCell(items[^1]["id"])));
        }
    }

    public static void WriteDetail(TextWriter writer, JsonNode? job)
    {
        var table = new TableWriter([CliMessages.HeaderField, CliMessages.HeaderValue], maxCellWidth: null);
        table.AddRow(CliMessages.HeaderId, JsonText.ToCell(job?["id"]));
        table.AddRow(CliMessages.OutboxHeaderKind, JsonText.ToCell(job?["kind"]));
        table.AddRow(CliMessages.HeaderState, JsonText.ToCell(job?["state"]));
        table.AddRow(CliMessages.OutboxHeaderAttempts, Attempts(job));
        table.AddRow(CliMessages.OutboxHeaderCreatedAt, JsonText.ToCell(job?["createdAt"]));
        table.AddRow(CliMessages.OutboxHeaderDueAt, JsonText.ToCell(job?["dueAt"]));
        table.AddRow(CliMessages.OutboxHeaderFinishedAt, JsonText.ToCell(job?["finishedAt"]));
        table.AddRow(CliMessages.OutboxHeaderOwner, JsonText.ToCell(job?["owner"]));
        table.AddRow(CliMessages.OutboxHeaderIdempotencyKey, JsonText.ToCell(job?["idempotencyKey"]));
        table.AddRow(CliMessages.OutboxHeaderCorrelationId, JsonText.ToCell(job?["correlationId"]));
        table.AddRow(CliMessages.OutboxHeaderNote, JsonText.ToCell(job?["note"]));
        table.AddRow(CliMessages.OutboxHeaderLastError, JsonText.ToCell(job?["lastError"]));
        table.Write(writer);
        writer.WriteLine();
        writer.WriteLine(CliMessages.OutboxHeaderPayload + ":");
        writer.WriteLine(JsonText.ToIndented(job?["payload"]));
    }

    private static string Attempts(JsonNode? job) => $"{JsonText.ToCell(job?["attempts"])}/{JsonText.ToCell(job?["maxAttempts"])}";

    private static long Count(JsonNode? counts, string state) =>
        counts?[state] is JsonValue v && v.TryGetValue(out long n) ? n : 0;
}
