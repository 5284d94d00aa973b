using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Data;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.JsonSchema;
using Newtonsoft.Json.Linq;

namespace CrmKit.Benchmarks.Validate;

/// <summary>
/// Validation throughput on one core: CrmKit.JsonSchema's <see cref="CompiledSchema"/> over parsed
/// <see cref="JsonNode"/> records against NJsonSchema over parsed <see cref="JToken"/> records, same schema text,
/// same records. One field validation = one property of one record.
/// </summary>
internal sealed class ValidateBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "validate";
    private const double Target = 1_000_000;
    private const int DistinctRecords = 10_000;

    public async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine($"== validate: {settings.Validations:N0} field validations per round, one thread pinned to one core ==");
        var contactSchema = await ContactEntitySchemaAsync();
        var contacts = ContactRecords(DistinctRecords, invalidShare: 0);
        var scenarios = new (string Name, string Schema, string[] Records, bool CollectErrors)[]
        {
            ("contact entity schema (IMetadataService), valid records", contactSchema, contacts, false),
            ("deal, hand-written 12-field schema, valid records", DealSchema.Json, DealSchema.Records(DistinctRecords, seed: 5), false),
            ("contact entity schema, 10% invalid, all errors collected", contactSchema, ContactRecords(DistinctRecords, invalidShare: 10), true),
        };

        using var pin = CorePin.PinToOneCore();
        Console.WriteLine("  " + pin.Description);
        report.Note(Name, "Thread: " + pin.Description);
        report.Note(Name, "Sample contact record: " + contacts[0]);
        for (var s = 0; s < scenarios.Length; s++)
        {
            await RunScenarioAsync(scenarios[s].Name, scenarios[s].Schema, scenarios[s].Records, scenarios[s].CollectErrors, primary: s < 2);
        }
    }

    private async Task RunScenarioAsync(string scenario, string schemaJson, string[] records, bool collectErrors, bool primary)
    {
        Console.WriteLine($"  -- {scenario}");
        var crmKit = new CrmKitValidator(new JsonSchemaCompiler().Compile(schemaJson), records);
        var nJsonSchema = new NJsonSchemaValidator(await NJsonSchema.JsonSchema.FromJsonAsync(schemaJson), records);
        var contenders = new (string Name, Func<long, bool, (long Validations, int Invalid, long Errors)> Run)[]
        {
            ("NJsonSchema 11.6.2 (JToken)", nJsonSchema.Run),
            ("CrmKit CompiledSchema (JsonNode)", crmKit.Run),
        };

        var samples = contenders.Select(_ => new Samples()).ToArray();
        var outcomes = new (long Validations, int Invalid, long Errors)[contenders.Length];
        foreach (var contender in contenders)
        {
            contender.Run(Math.Min(settings.Validations, 1_000_000), collectErrors);
        }

        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var i in Rounds.Rotate(Enumerable.Range(0, contenders.Length).ToList(), round))
            {
                Rounds.ForceGc();
                var stopwatch = Stopwatch.StartNew();
                outcomes[i] = contenders[i].Run(settings.Validations, collectErrors);
                stopwatch.Stop();
                samples[i].Add(stopwatch.Elapsed);
                Console.WriteLine($"  round {round + 1}: {contenders[i].Name,-36} {BenchmarkReport.Duration(stopwatch.Elapsed),10}  " +
                    $"({BenchmarkReport.Count(outcomes[i].Validations / stopwatch.Elapsed.TotalSeconds)} field validations/s; {outcomes[i].Invalid:N0} invalid records, {outcomes[i].Errors:N0} errors)");
            }
        }

        if (outcomes[0].Invalid != outcomes[1].Invalid)
        {
            report.SanityFailure($"validate [{scenario}]: the validators disagree: NJsonSchema found {outcomes[0].Invalid:N0} invalid records, CrmKit {outcomes[1].Invalid:N0}. First NJsonSchema error: {nJsonSchema.FirstError()}");
        }

        var label = $"{Name}: {scenario}";
        report.Add(new ResultRow(label, contenders[0].Name, samples[0], outcomes[0].Validations, "field validation", null));
        report.Add(new ResultRow(label, contenders[1].Name, samples[1], outcomes[1].Validations, "field validation", samples[0]));
        var crmRate = outcomes[1].Validations / samples[1].Best.TotalSeconds;
        var njsRate = outcomes[0].Validations / samples[0].Best.TotalSeconds;
        if (primary)
        {
            report.Add(new TargetRow(
                $"validate [{scenario}]: CrmKit ≥ 1,000,000 field validations/s on one core",
                $"{BenchmarkReport.Count(crmRate)}/s (best of {settings.Rounds}; median {BenchmarkReport.Count(outcomes[1].Validations / samples[1].Median.TotalSeconds)}/s)",
                crmRate >= Target));
        }

        report.Add(new TargetRow(
            $"validate [{scenario}]: CrmKit vs NJsonSchema",
            $"{crmRate / njsRate:0.0}x NJsonSchema's throughput ({BenchmarkReport.Count(crmRate)}/s vs {BenchmarkReport.Count(njsRate)}/s, best of {settings.Rounds})",
            null));
    }

    /// <summary>The contact entity's schema document exactly as the metadata service returns it.</summary>
    private async Task<string> ContactEntitySchemaAsync()
    {
        var path = SqliteFiles.NewPath(settings.WorkDirectory, "validate");
        try
        {
            await using var crm = await CrmKitInstance.StartAsync(path);
            await ContactSchema.CreateAsync(crm.Metadata);
            var schema = crm.Metadata.GetEntity(ContactSchema.Entity).GetSchema().ToJsonString();
            report.Note(Name, "Contact entity schema (from IMetadataService.GetEntity(\"contact\").GetSchema()):\n" + schema);
            return schema;
        }
        finally
        {
            SqliteFiles.Delete(path);
        }
    }

    /// <summary>Stored (normalized) contacts; every <paramref name="invalidShare"/>-th in a hundred made invalid.</summary>
    private static string[] ContactRecords(int count, int invalidShare)
    {
        var generator = new ContactGenerator(seed: 3, referralCodes: count / 5);
        var records = new string[count];
        for (var i = 0; i < count; i++)
        {
            var stored = ContactGenerator.ToStoredJson(generator.NextInputJson(i));
            if (i % 100 < invalidShare)
            {
                var values = (JsonObject)JsonNode.Parse(stored)!;
                switch (i % 5)
                {
                    case 0:
                        values["email"] = "not an e-mail";
                        break;
                    case 1:
                        values["discount"] = 75;
                        break;
                    case 2:
                        values[ContactSchema.QueryField] = "X-1";
                        values["source"] = "fax";
                        break;
                    case 3:
                        values["first_name"] = new string('я', 150);
                        break;
                    default:
                        values["birthday"] = "31.12.1990";
                        values["loyalty_points"] = -5;
                        break;
                }

                stored = values.ToJsonString(ContactGenerator.StoredJsonOptions);
            }

            records[i] = stored;
        }

        return records;
    }

    /// <summary>Runs CrmKit's validator the way RecordValidator does: IsValid, and Validate only on failure.</summary>
    private sealed class CrmKitValidator(CompiledSchema schema, string[] records)
    {
        private readonly JsonNode[] _nodes = records.Select(r => JsonNode.Parse(r)!).ToArray();
        private readonly int[] _fields = records.Select(r => ((JsonObject)JsonNode.Parse(r)!).Count).ToArray();

        public (long, int, long) Run(long validations, bool collectErrors)
        {
            var done = 0L;
            var invalid = 0;
            var errors = 0L;
            var violations = new List<SchemaViolation>();
            for (var i = 0; done < validations; i = (i + 1) % _nodes.Length)
            {
                if (!schema.IsValid(_nodes[i]))
                {
                    invalid++;
                    if (collectErrors)
                    {
                        violations.Clear();
                        schema.Validate(_nodes[i], violations, "/" + i);
                        errors += violations.Count;
                    }
                }

                done += _fields[i];
            }

            return (done, invalid, errors);
        }
    }

    /// <summary>Runs NJsonSchema's validator (which always collects every error).</summary>
    private sealed class NJsonSchemaValidator(NJsonSchema.JsonSchema schema, string[] records)
    {
        private readonly JToken[] _tokens = records.Select(JToken.Parse).ToArray();
        private readonly int[] _fields = records.Select(r => ((JObject)JToken.Parse(r)).Count).ToArray();

        public (long, int, long) Run(long validations, bool collectErrors)
        {
            var done = 0L;
            var invalid = 0;
            var errors = 0L;
            for (var i = 0; done < validations; i = (i + 1) % _tokens.Length)
            {
                var found = schema.Validate(_tokens[i]);
                if (found.Count > 0)
                {
                    invalid++;
                    errors += found.Count;
                }

                done += _fields[i];
            }

            return (done, invalid, collectErrors ? errors : 0);
        }

        public string FirstError()
        {
            foreach (var token in _tokens)
            {
                var found = schema.Validate(token);
                if (found.Count > 0)
                {
                    return string.Join("; ", found.Select(e => e.ToString())) + " in " + token.ToString(Newtonsoft.Json.Formatting.None);
                }
            }

            return "(none)";
        }
    }

    /// <summary>Pins the process to one CPU while validating, so "one core" is literal (GC threads included).</summary>
    private sealed class CorePin : IDisposable
    {
        private readonly nint? _previous;

        private CorePin(nint? previous, string description)
        {
            _previous = previous;
            Description = description;
        }

        public string Description { get; }

        public static CorePin PinToOneCore()
        {
            if (!(OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
            {
                return new CorePin(null, "single thread (the process could not be pinned to one core on this OS)");
            }

            try
            {
                using var process = Process.GetCurrentProcess();
                var previous = process.ProcessorAffinity;
                process.ProcessorAffinity = 1;
                return new CorePin(previous, "single thread, process pinned to CPU 0 (affinity mask 0x1)");
            }
            catch (Exception e) when (e is PlatformNotSupportedException or InvalidOperationException or System.ComponentModel.Win32Exception or ExternalException)
            {
                return new CorePin(null, "single thread (pinning to one core failed: " + e.Message + ")");
            }
        }

        public void Dispose()
        {
            if (_previous is { } mask && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
            {
                using var process = Process.GetCurrentProcess();
                process.ProcessorAffinity = mask;
            }
        }
    }
}
