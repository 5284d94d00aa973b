using System.Globalization;

namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>What to run and how big, parsed from the command line.</summary>
internal sealed class BenchmarkSettings
{
    public const string Usage = """
        CrmKit benchmarks (Release build):
          dotnet run -c Release --project tests/CrmKit.Benchmarks -- <command> [options]

        Commands:
          bulk       create contacts through IRecordService vs raw ADO.NET and EF Core
          query      query by an indexed custom field through IRecordService vs raw SQL
          validate   field validations per second (one core) vs NJsonSchema
          plugins    host start with 20 fixture plugins vs an empty host; run-time enable/disable of one plugin
          editions   crmkit edition plan and install: 10 plugins + 30 entities from a folder feed vs reading the package and
                     creating the entities directly (targets: plan < 3 s, install < 10 s, medians)
          templates  render a cached 1 KB document template: ITemplateRenderer vs Scriban directly (target 1.2x)
          outbox     outbox dispatcher throughput with no-op jobs vs the raw store calls (target 2,000 jobs/s)
          workflows  saving a record with 50 enabled, non-matching workflows vs none (target 1.10x)
          security   reads and queries by a restricted role vs an administrator on the same rows (target 1.10x)
          requisites INN/OGRN checks per second vs a plain digit-parse loop (target 5,000,000/s, no allocation)
          files      1 GiB attachment upload and download through the real server vs the disk directly; the server's
                     peak memory (target < 100 MB)
          bulk-pg    bulk on PostgreSQL: IRecordService vs raw Npgsql batched INSERT and binary COPY (target 2.5x)
          query-pg   query on PostgreSQL: IRecordService vs raw Npgsql, prepared (target 1.5x; plan uses the index)
          outbox-pg  outbox on PostgreSQL: two nodes (hosts with a dispatcher each) vs one (target 1.6x faster)
          onec-export  10,000 orders × 5 lines to CommerceML 2.10 through the crmkit.onec exporter vs a plain XmlWriter
                     loop (target ≥ 50% of its speed; peak memory must not grow with the count)
          channels   Telegram webhook → stored contact, lead and activity per second on SQLite through the stock server
                     (HTTP, plugin runtime) vs a bare POST of an activity record (target ≥ 500 messages/s)
          all        all of the above

        The -pg benchmarks run against the server in CRMKIT_TEST_POSTGRES (an admin connection string; each makes
        and drops its own crm_bench_<guid> databases); without it they print "skipped" and do not fail.

        Options:
          --quick               small sizes for a smoke run (5,000 rows, 20,000 rows, 200,000 validations,
                                2,000 outbox jobs instead of 20,000; outbox-pg: 400 jobs instead of 4,000;
                                files: 32 MiB once instead of 1 GiB three times)
          --markdown <file>     write the results; a file holding the results markers is updated in place
          --rounds <n>          measured rounds per contender after the warm-up (default 5; 3 with --quick;
                                plugins: default 9, 3 with --quick)
          --rows <n>            bulk, bulk-pg: rows to create (default 100,000)
          --batch <n>           bulk, bulk-pg: records per CreateAsync call / SaveChanges (default 1,000)
          --query-rows <n>      query, query-pg: records in the table (default 1,000,000)
          --lookups <n>         query, query-pg: lookups per round (default 2,000)
          --validations <n>     validate: field validations per round (default 6,000,000)
          --work-dir <dir>      where the temporary SQLite files go (default: the system temp folder)
          --strict              exit with 1 when a target fails (sanity failures always exit with 3)
          --allow-debug         run even though the build is not optimized (numbers are meaningless)
        """;

    public required string Command { get; init; }

    public bool Quick { get; init; }

    public string? MarkdownPath { get; init; }

    public int Rounds { get; init; } = 3;

    /// <summary>Rounds of the plugins benchmark: --rounds when given, else 9 (3 with --quick); its targets are on medians.</summary>
    public int PluginRounds { get; init; } = 3;

    public int BulkRows { get; init; }

    public int BatchSize { get; init; } = 1000;

    public int QueryRows { get; init; }

    public int Lookups { get; init; }

    public long Validations { get; init; }

    public string WorkDirectory { get; init; } = Path.GetTempPath();

    public bool Strict { get; init; }

    public bool AllowDebug { get; init; }

    public bool Runs(string benchmark) => Command == "all" || Command == benchmark;

    /// <summary>Parses the arguments; returns null (after printing why) when they are wrong.</summary>
    public static BenchmarkSettings? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return null;
        }

        var command = args[0];
        if (command is not ("bulk" or "query" or "validate" or "plugins" or "editions" or "templates" or "outbox" or "workflows" or "security" or "requisites" or "files" or
            "bulk-pg" or "query-pg" or "outbox-pg" or "onec-export" or "channels" or "all"))
        {
            Console.Error.WriteLine($"Unknown command '{command}'.");
            Console.Error.WriteLine(Usage);
            return null;
        }

        var quick = args.Contains("--quick");
        string? markdown = null;
        int? rounds = null, rows = null, batch = null, queryRows = null, lookups = null;
        long? validations = null;
        string? workDir = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                case "--strict":
                case "--allow-debug":
                    break;
                case "--markdown":
                    markdown = Value(args, ref i);
                    break;
                case "--rounds":
                    rounds = Number(args, ref i);
                    break;
                case "--rows":
                    rows = Number(args, ref i);
                    break;
                case "--batch":
                    batch = Number(args, ref i);
                    break;
                case "--query-rows":
                    queryRows = Number(args, ref i);
                    break;
                case "--lookups":
                    lookups = Number(args, ref i);
                    break;
                case "--validations":
                    validations = Number(args, ref i);
                    break;
                case "--work-dir":
                    workDir = Value(args, ref i);
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return null;
            }
        }

        return new BenchmarkSettings
        {
            Command = command,
            Quick = quick,
            MarkdownPath = markdown,
            Rounds = rounds ?? (quick ? 3 : 5),
            PluginRounds = rounds ?? (quick ? 3 : 9),
            BulkRows = rows ?? (quick ? 5_000 : 100_000),
            BatchSize = batch ?? 1000,
            QueryRows = queryRows ?? (quick ? 20_000 : 1_000_000),
            Lookups = lookups ?? (quick ? 500 : 2_000),
            Validations = validations ?? (quick ? 200_000 : 6_000_000),
            WorkDirectory = workDir ?? Path.GetTempPath(),
            Strict = args.Contains("--strict"),
            AllowDebug = args.Contains("--allow-debug"),
        };
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"Option '{args[i - 1]}' needs a value.");

    private static int Number(string[] args, ref int i)
    {
        var text = Value(args, ref i).Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"Option '{args[i - 1]}' needs a positive whole number, not '{args[i]}'.");
    }
}
