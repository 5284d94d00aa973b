using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Files;

/// <summary>
/// <c>crmkit files migrate --to &lt;store&gt; [--no-wait] [--interval seconds]</c>: <c>POST /api/files/migrations</c>,
/// then <c>GET /api/files/migrations/current</c> until it ends, printing the progress. The server does the moving (the
/// stores and their credentials are its own); each file is copied, its length and SHA-256 checked, switched and deleted
/// from its old store, so running the command again after a stop resumes. Exit code 0 when every file is in the
/// target, 1 when some could not be moved (listed) or the migration was cancelled.
/// </summary>
internal sealed class FilesMigrateCommand : CrmCommand
{
    private readonly Option<string> _to = new("--to")
    {
        Description = "The store to move the files to: local, s3, webdav or another registered name",
        HelpName = "store",
        Required = true,
    };

    private readonly Option<bool> _noWait = new("--no-wait")
    {
        Description = "Start the migration and return; see it with crmkit files status",
    };

    private readonly Option<double> _interval = new("--interval")
    {
        Description = "Seconds between progress checks (default 1)",
        HelpName = "seconds",
        DefaultValueFactory = _ => 1,
    };

    public FilesMigrateCommand(CliRuntime runtime)
        : base("migrate", "Move every attachment's content to another file store (resumable, verifies SHA-256)", runtime)
    {
        Add(_to);
        Add(_noWait);
        Add(_interval);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.ParseResult;
        var interval = parse.GetValue(_interval);
        if (interval is <= 0 or > 3600 || double.IsNaN(interval))
        {
            throw new CliUsageException(CliMessages.FilesInvalidInterval);
        }

        var started = await context.Client.SendAsync(
            HttpMethod.Post, ApiPaths.FileMigrations, new JsonObject { ["to"] = parse.GetRequiredValue(_to) }, ifMatchVersion: null, cancellationToken);
        var status = started.Body;
        if (parse.GetValue(_noWait))
        {
            FilesOutput.Write(context, status);
            return ExitCodes.Ok;
        }

        var shown = "";
        while (FilesOutput.State(status) == "running")
        {
            if (!context.Json)
            {
                var line = CliMessages.FilesProgress(
                    FilesOutput.Number(status, "moved"), FilesOutput.Number(status, "total"), FilesOutput.Number(status, "failed"));
                if (line != shown)
                {
                    context.Out.WriteLine(line);
                    shown = line;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(interval), cancellationToken);
            status = await context.Client.GetAsync(ApiPaths.FileMigrationCurrent, cancellationToken);
        }

        FilesOutput.Write(context, status);
        return FilesOutput.State(status) == "completed" ? ExitCodes.Ok : ExitCodes.Refused;
    }
}

/// <summary><c>crmkit files status</c>: <c>GET /api/files/migrations/current</c>.</summary>
internal sealed class FilesStatusCommand(CliRuntime runtime)
    : CrmCommand("status", "Show the current or last migration between file stores", runtime)
{
    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        FilesOutput.Write(context, await context.Client.GetAsync(ApiPaths.FileMigrationCurrent, cancellationToken));
        return ExitCodes.Ok;
    }
}

/// <summary><c>crmkit files cancel</c>: <c>DELETE /api/files/migrations/current</c>; what moved stays moved.</summary>
internal sealed class FilesCancelCommand(CliRuntime runtime)
    : CrmCommand("cancel", "Cancel the running migration (what moved stays moved; migrate again to resume)", runtime)
{
    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await context.Client.SendAsync(
            HttpMethod.Delete, ApiPaths.FileMigrationCurrent, body: null, ifMatchVersion: null, cancellationToken);
        FilesOutput.Write(context, response.Body);
        return ExitCodes.Ok;
    }
}

/// <summary>Prints a migration's status: JSON as the server sent it, or a summary line and the failures.</summary>
internal static class FilesOutput
{
    public static string State(JsonNode? status) => JsonText.GetString(status, "state") ?? "";

    public static long Number(JsonNode? status, string name) =>
        status?[name] is JsonValue value && value.TryGetValue(out long number) ? number : 0;

    public static void Write(CommandContext context, JsonNode? status)
    {
        if (context.Json)
        {
            context.WriteJson(status);
            return;
        }

        context.Out.WriteLine(CliMessages.FilesSummary(
            JsonText.GetString(status, "to") ?? "",
            State(status),
            Number(status, "moved"),
            Number(status, "total"),
            Number(status, "failed")));
        if (Number(status, "sourceLeft") is > 0 and var left)
        {
            context.Out.WriteLine(CliMessages.FilesSourceLeft(left.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var error in (status?["errors"] as JsonArray ?? []).OfType<JsonValue>())
        {
            context.Out.WriteLine("  " + error.GetValue<string>());
        }
    }
}
