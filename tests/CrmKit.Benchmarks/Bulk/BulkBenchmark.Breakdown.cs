using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Data;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Core.Validation;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;

namespace CrmKit.Benchmarks.Bulk;

internal sealed partial class BulkBenchmark
{
    /// <summary>
    /// Runs the steps of <c>RecordService.CreateAsync</c> one at a time over all rows, single-threaded, to show where
    /// CrmKit's time goes: copying the input, normalizing each field, the compiled schema, JSON serialization and the
    /// store's inserts (one session and transaction per batch, as the service does).
    /// </summary>
    private async Task BreakdownAsync(TimeSpan crmKitMedian, TimeSpan rawMedian)
    {
        // The first pass runs each loop once (partly unoptimized JIT tiers); only the second pass is reported.
        await BreakdownPassAsync(crmKitMedian, rawMedian, Math.Min(settings.BulkRows, 10_000), print: false);
        await BreakdownPassAsync(crmKitMedian, rawMedian, settings.BulkRows, print: true);
    }

    private async Task BreakdownPassAsync(TimeSpan crmKitMedian, TimeSpan rawMedian, int count, bool print)
    {
        var path = SqliteFiles.NewPath(settings.WorkDirectory, "bulk-breakdown");
        var stages = new List<(string Stage, TimeSpan Time)>();
        var fields = new List<(string Stage, TimeSpan Time)>();
        try
        {
            await using var crm = await CrmKitInstance.StartAsync(path);
            await ContactSchema.CreateAsync(crm.Metadata);
            var compiled = crm.Registry.Get(ContactSchema.Entity);
            var originals = ParseBatches(count).SelectMany(b => b).ToArray();
            var sink = 0L;

            Rounds.ForceGc();
            var stopwatch = Stopwatch.StartNew();
            var clones = new JsonObject[count];
            for (var i = 0; i < count; i++)
            {
                clones[i] = (JsonObject)originals[i].DeepClone();
            }

            stages.Add(("copy the input (DeepClone)", stopwatch.Elapsed));

            stopwatch.Restart();
            for (var i = 0; i < count; i++)
            {
                sink += clones[i].Select(p => p.Key).ToHashSet(StringComparer.Ordinal).Count;
            }

            stages.Add(("changed-field set per record", stopwatch.Elapsed));

            foreach (var (field, type) in compiled.DataFields)
            {
                stopwatch.Restart();
                for (var i = 0; i < count; i++)
                {
                    if (originals[i][field.Name] is { } value)
                    {
                        var context = new FieldValueContext(field, value, "/" + field.Name);
                        type.Normalize(context);
                        sink += context.HasErrors ? 1 : 0;
                    }
                }

                fields.Add(($"  normalize {field.Name} ({field.Type})", stopwatch.Elapsed));
            }

            var errors = new List<CrmError>();
            Rounds.ForceGc();
            stopwatch.Restart();
            for (var i = 0; i < count; i++)
            {
                RecordValidator.Validate(compiled, clones[i], normalize: null, "/" + (i % settings.BatchSize).ToString(CultureInfo.InvariantCulture), errors);
            }

            stages.Add(("validate: normalize + schema (RecordValidator)", stopwatch.Elapsed));

            stopwatch.Restart();
            for (var i = 0; i < count; i++)
            {
                sink += compiled.Validator.IsValid(clones[i]) ? 0 : 1;
            }

            var schemaOnly = stopwatch.Elapsed;

            Rounds.ForceGc();
            var data = new string[count];
            stopwatch.Restart();
            for (var i = 0; i < count; i++)
            {
                data[i] = RecordJson.Serialize(clones[i]);
            }

            stages.Add(("serialize to JSON text (RecordJson)", stopwatch.Elapsed));

            var now = DateTimeOffset.UtcNow;
            var rows = data.Select(d => new StoredRecord
            {
                Id = Guid.CreateVersion7(now),
                Version = 1,
                CreatedAt = now,
                CreatedBy = User,
                UpdatedAt = now,
                UpdatedBy = User,
                Data = d,
            }).Chunk(settings.BatchSize).ToList();
            Rounds.Settle();
            stopwatch.Restart();
            foreach (var batch in rows)
            {
                await using var session = await crm.Store.BeginSessionAsync(write: true, CancellationToken.None);
                await session.InsertAsync(compiled.Storage, batch, CancellationToken.None);
                await session.CommitAsync(CancellationToken.None);
            }

            stages.Add(("store insert (SqliteCrmStoreSession, 1 tx per batch)", stopwatch.Elapsed));

            if (errors.Count > 0 || sink < 0)
            {
                report.SanityFailure($"bulk breakdown: {errors.Count} validation errors, e.g. {errors[0].Code} at {errors[0].Pointer}");
            }

            if (!print)
            {
                return;
            }

            var lines = new List<string>
            {
                $"Where CrmKit's bulk-create time goes ({count:N0} rows, each step run alone over all rows, single thread):",
                Line("CrmKit CreateAsync, end to end (median round)", crmKitMedian, count, crmKitMedian),
                Line("raw ADO.NET insert, for reference (median round)", rawMedian, count, crmKitMedian),
            };
            lines.AddRange(stages.Select(s => Line(s.Stage, s.Time, count, crmKitMedian)));
            lines.Add(Line("  of which: compiled JSON Schema IsValid", schemaOnly, count, crmKitMedian));
            lines.AddRange(fields.Select(s => Line(s.Stage, s.Time, count, crmKitMedian)));
            var sum = stages.Aggregate(TimeSpan.Zero, (total, s) => total + s.Time);
            lines.Add(Line("sum of the steps above", sum, count, crmKitMedian));
            lines.Add(Line("rest (service overhead, GC, hooks check, result objects)", crmKitMedian - sum, count, crmKitMedian));
            Console.WriteLine();
            foreach (var line in lines)
            {
                Console.WriteLine("  " + line);
            }

            report.Note(Name, string.Join("\n", lines));
        }
        finally
        {
            SqliteFiles.Delete(path);
        }
    }

    private static string Line(string stage, TimeSpan time, int count, TimeSpan total) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0,-60} {1,10} {2,9:0.00} µs/row {3,6:0.0}%",
            stage,
            BenchmarkReport.Duration(time),
            time.TotalMicroseconds / count,
            100 * time / total);
}
