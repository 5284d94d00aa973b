using CrmKit.Benchmarks.Bulk;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Benchmarks.Plugins;
using CrmKit.Benchmarks.Query;
using CrmKit.Benchmarks.Validate;

namespace CrmKit.Benchmarks;

/// <summary>Parses the command line, checks the build, runs the benchmarks and reports.</summary>
internal static class BenchmarkRunner
{
    private const int TargetFailed = 1;
    private const int BadUsage = 2;
    private const int SanityFailed = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        BenchmarkSettings? settings;
        try
        {
            settings = BenchmarkSettings.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return BadUsage;
        }

        if (settings is null)
        {
            return args.Length == 0 || args[0] is "-h" or "--help" or "help" ? 0 : BadUsage;
        }

        var environment = BenchmarkEnvironment.Describe();
        Console.WriteLine("CrmKit benchmarks: " + settings.Command + (settings.Quick ? " (quick)" : ""));
        if (settings.Quick)
        {
            // The targets are defined for the full sizes; small runs are dominated by fixed costs (transactions, WAL).
            Console.WriteLine("  smoke run: proves the benchmark works; PASS/FAIL below are indicative only, docs/performance.md has the full run");
        }

        foreach (var (name, value) in environment)
        {
            Console.WriteLine($"  {name,-13} {value}");
        }

        if (!BenchmarkEnvironment.IsOptimized)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
            Console.Error.WriteLine("!! This is a DEBUG build: the JIT optimizer is off and the numbers mean nothing.     !!");
            Console.Error.WriteLine("!! Run: dotnet run -c Release --project tests/CrmKit.Benchmarks -- <command>         !!");
            Console.Error.WriteLine("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
            if (!settings.AllowDebug)
            {
                Console.Error.WriteLine("Refusing to run (pass --allow-debug to run anyway).");
                return BadUsage;
            }
        }

        var workDirectory = Path.Combine(settings.WorkDirectory, "crmkit-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(workDirectory);
        settings = new BenchmarkSettings
        {
            Command = settings.Command,
            Quick = settings.Quick,
            MarkdownPath = settings.MarkdownPath,
            Rounds = settings.Rounds,
            PluginRounds = settings.PluginRounds,
            BulkRows = settings.BulkRows,
            BatchSize = settings.BatchSize,
            QueryRows = settings.QueryRows,
            Lookups = settings.Lookups,
            Validations = settings.Validations,
            WorkDirectory = workDirectory,
            Strict = settings.Strict,
            AllowDebug = settings.AllowDebug,
        };
        var report = new BenchmarkReport(settings);
        try
        {
            if (settings.Runs(BulkBenchmark.Name))
            {
                await RunGuardedAsync(report, BulkBenchmark.Name, () => new BulkBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(QueryBenchmark.Name))
            {
                await RunGuardedAsync(report, QueryBenchmark.Name, () => new QueryBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(ValidateBenchmark.Name))
            {
                await RunGuardedAsync(report, ValidateBenchmark.Name, () => new ValidateBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(PluginStartBenchmark.Name))
            {
                await RunGuardedAsync(report, PluginStartBenchmark.Name, () => new PluginStartBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(Editions.EditionBenchmark.Name))
            {
                await RunGuardedAsync(report, Editions.EditionBenchmark.Name, () => new Editions.EditionBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(Templates.TemplateRenderBenchmark.Name))
            {
                await RunGuardedAsync(report, Templates.TemplateRenderBenchmark.Name, () => new Templates.TemplateRenderBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(Outbox.OutboxBenchmark.Name))
            {
                await RunGuardedAsync(report, Outbox.OutboxBenchmark.Name, () => new Outbox.OutboxBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(Security.SecurityBenchmark.Name))
            {
                await RunGuardedAsync(report, Security.SecurityBenchmark.Name, () => new Security.SecurityBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(Workflows.WorkflowTriggerBenchmark.Name))
            {
                await RunGuardedAsync(report, Workflows.WorkflowTriggerBenchmark.Name, () => new Workflows.WorkflowTriggerBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(Requisites.IdentifierCheckBenchmark.Name))
            {
                await RunGuardedAsync(report, Requisites.IdentifierCheckBenchmark.Name, () => new Requisites.IdentifierCheckBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(Files.FileTransferBenchmark.Name))
            {
                await RunGuardedAsync(report, Files.FileTransferBenchmark.Name, () => new Files.FileTransferBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(OneC.OneCExportBenchmark.Name))
            {
                await RunGuardedAsync(report, OneC.OneCExportBenchmark.Name, () => new OneC.OneCExportBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(Channels.ChannelWebhookBenchmark.Name))
            {
                await RunGuardedAsync(report, Channels.ChannelWebhookBenchmark.Name, () => new Channels.ChannelWebhookBenchmark(settings, report).RunAsync());
            }

            // PostgreSQL (skipped without CRMKIT_TEST_POSTGRES).
            if (settings.Runs(PostgreSqlBulkBenchmark.Name))
            {
                await RunGuardedAsync(report, PostgreSqlBulkBenchmark.Name, () => new PostgreSqlBulkBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(PostgreSqlQueryBenchmark.Name))
            {
                await RunGuardedAsync(report, PostgreSqlQueryBenchmark.Name, () => new PostgreSqlQueryBenchmark(settings, report).RunAsync());
            }

            if (settings.Runs(Outbox.PostgreSqlOutboxBenchmark.Name))
            {
                await RunGuardedAsync(report, Outbox.PostgreSqlOutboxBenchmark.Name, () => new Outbox.PostgreSqlOutboxBenchmark(settings, report).RunAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            try
            {
                Directory.Delete(workDirectory, recursive: true);
            }
            catch (IOException)
            {
                Console.WriteLine("Could not remove " + workDirectory);
            }
        }

        report.PrintSummary();
        if (settings.MarkdownPath is { } markdown)
        {
            report.WriteMarkdown(markdown, environment);
        }

        return report.SanityFailures.Count > 0 ? SanityFailed
            : settings.Strict && report.Targets.Any(t => t.Pass == false) ? TargetFailed
            : 0;
    }

    private static async Task RunGuardedAsync(BenchmarkReport report, string name, Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.WriteLine(e);
            report.SanityFailure($"{name}: the benchmark crashed: {e.GetType().Name}: {e.Message}");
        }
    }
}
