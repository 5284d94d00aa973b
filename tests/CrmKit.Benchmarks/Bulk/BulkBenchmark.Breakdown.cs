using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Data;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Metadata;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Core.Validation;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;

namespace CrmKit.Benchmarks.Bulk;

internal sealed partial class BulkBenchmark
{
    private const int BreakdownRepeats = 3;

    /// <summary>
    /// Runs the steps of <c>RecordService.CreateAsync</c> one at a time over all rows, single-threaded (best of three
    /// each), to show where CrmKit's time goes: copying the input, normalizing each field, the compiled schema, JSON
    /// serialization and the store's inserts (one session and transaction per batch, as the service does).
    /// </summary>
    private async Task BreakdownAsync(TimeSpan crmKit, TimeSpan raw)
    {
        var count = settings.BulkRows;
        var stages = new List<(string Stage, TimeSpan Time)>();
        var fields = new List<(string Stage, TimeSpan Time)>();
        var errors = new List<CrmError>();
        var sink = 0L;
        CompiledEntity compiled;
        var path = SqliteFiles.NewPath(settings.WorkDirectory, "bulk-breakdown");
        try
        {
            await using var crm = await CrmKitInstance.StartAsync(path);
            await ContactSchema.CreateAsync(crm.Metadata);
            compiled = crm.Registry.Get(ContactSchema.Entity);
        }
        finally
        {
            SqliteFiles.Delete(path);
        }

        var originals = ParseBatches(count).SelectMany(b => b).ToArray();
        var clones = Array.Empty<JsonObject>();
        stages.Add(("copy the input (DeepClone)", Best(() => { }, () => clones = originals.Select(o => (JsonObject)o.DeepClone()).ToArray())));

        foreach (var (field, type) in compiled.DataFields)
        {
            fields.Add(($"  normalize {field.Name} ({field.Type})", Best(() => { }, () =>
            {
                foreach (var original in originals)
                {
                    if (original[field.Name] is { } value)
                    {
                        var context = new FieldValueContext(field, value, "/" + field.Name);
                        type.Normalize(context);
                        sink += context.HasErrors ? 1 : 0;
                    }
                }
            })));
        }

        PhoneSteps(originals, fields);

        stages.Add(("validate: normalize + schema (RecordValidator)", Best(
            () => clones = originals.Select(o => (JsonObject)o.DeepClone()).ToArray(),
            () =>
            {
                for (var i = 0; i < clones.Length; i++)
                {
                    RecordValidator.Validate(compiled, clones[i], normalize: null, "/" + (i % settings.BatchSize).ToString(CultureInfo.InvariantCulture), errors);
                }
            })));
        var schemaOnly = Best(() => { }, () =>
        {
            foreach (var clone in clones)
            {
                sink += compiled.Validator.IsValid(clone) ? 0 : 1;
            }
        });

        var data = Array.Empty<string>();
        stages.Add(("serialize to JSON text (RecordJson)", Best(() => { }, () => data = clones.Select(RecordJson.Serialize).ToArray())));
        stages.Add(("store insert (SqliteCrmStoreSession, 1 tx per batch)", await StoreInsertAsync(compiled, data, oneSession: false)));
        var storeOneSession = await StoreInsertAsync(compiled, data, oneSession: true);
        var rawPerBatch = TimeSpan.MaxValue;
        for (var repeat = 0; repeat < BreakdownRepeats; repeat++)
        {
            rawPerBatch = TimeSpan.FromTicks(Math.Min(rawPerBatch.Ticks, RunRaw(count, settings.BatchSize).Ticks));
        }

        if (errors.Count > 0 || sink < 0)
        {
            report.SanityFailure($"bulk breakdown: {errors.Count} validation errors, e.g. {errors[0].Code} at {errors[0].Pointer}");
        }

        var lines = new List<string>
        {
            $"Where CrmKit's bulk-create time goes ({count:N0} rows; each step run alone over all rows, single thread, best of {BreakdownRepeats}):",
            Line("CrmKit CreateAsync, end to end (best round)", crmKit, count, crmKit),
            Line("raw ADO.NET insert, for reference (best round)", raw, count, crmKit),
            Line($"raw ADO.NET insert, one transaction per {settings.BatchSize:N0} rows", rawPerBatch, count, crmKit),
            Line("store insert alone, one session (transaction) for all rows", storeOneSession, count, crmKit),
        };
        lines.AddRange(stages.Select(s => Line(s.Stage, s.Time, count, crmKit)));
        lines.Add(Line("  of which: compiled JSON Schema IsValid", schemaOnly, count, crmKit));
        lines.AddRange(fields.Select(s => Line(s.Stage, s.Time, count, crmKit)));
        var sum = stages.Aggregate(TimeSpan.Zero, (total, s) => total + s.Time);
        lines.Add(Line("sum of the steps above", sum, count, crmKit));
        lines.Add(Line("rest (service overhead, GC, hooks check, result objects)", crmKit - sum, count, crmKit));
        Console.WriteLine();
        foreach (var line in lines)
        {
            Console.WriteLine("  " + line);
        }

        report.Note(Name, string.Join("\n", lines));
    }

    /// <summary>The three libphonenumber calls PhoneFieldType.Normalize makes, timed apart.</summary>
    private static void PhoneSteps(JsonObject[] originals, List<(string Stage, TimeSpan Time)> fields)
    {
        var util = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var texts = originals.Select(o => o["phone"]!.GetValue<string>()).ToArray();
        var numbers = Array.Empty<PhoneNumbers.PhoneNumber>();
        var valid = 0;
        fields.Add(("    of which libphonenumber Parse", Best(() => { }, () => numbers = texts.Select(t => util.Parse(t, "RU")).ToArray())));
        fields.Add(("    of which libphonenumber IsValidNumber", Best(() => { }, () => valid = numbers.Count(util.IsValidNumber))));
        fields.Add(("    of which libphonenumber Format(E164)", Best(() => { }, () => GC.KeepAlive(numbers.Select(n => util.Format(n, PhoneNumbers.PhoneNumberFormat.E164)).ToArray()))));
        GC.KeepAlive(valid);
    }

    /// <summary>The store's inserts alone: pre-serialized rows, one write session and transaction per batch.</summary>
    private async Task<TimeSpan> StoreInsertAsync(CompiledEntity compiled, string[] data, bool oneSession)
    {
        var best = TimeSpan.MaxValue;
        for (var repeat = 0; repeat < BreakdownRepeats; repeat++)
        {
            var path = SqliteFiles.NewPath(settings.WorkDirectory, "bulk-breakdown");
            try
            {
                await using var crm = await CrmKitInstance.StartAsync(path);
                await ContactSchema.CreateAsync(crm.Metadata);
                var now = DateTimeOffset.UtcNow;
                var batches = data.Select(d => new StoredRecord
                {
                    Id = Guid.CreateVersion7(now),
                    Version = 1,
                    CreatedAt = now,
                    CreatedBy = User,
                    UpdatedAt = now,
                    UpdatedBy = User,
                    Data = d,
                }).Chunk(oneSession ? data.Length : settings.BatchSize).ToList();
                Rounds.Settle();
                var stopwatch = Stopwatch.StartNew();
                foreach (var batch in batches)
                {
                    await using var session = await crm.Store.BeginSessionAsync(write: true, CancellationToken.None);
                    await session.InsertAsync(compiled.Storage, batch, CancellationToken.None);
                    await session.CommitAsync(CancellationToken.None);
                }

                best = TimeSpan.FromTicks(Math.Min(best.Ticks, stopwatch.Elapsed.Ticks));
            }
            finally
            {
                SqliteFiles.Delete(path);
            }
        }

        return best;
    }

    /// <summary>The best of <see cref="BreakdownRepeats"/> timings of <paramref name="run"/>, each after an untimed setup.</summary>
    private static TimeSpan Best(Action setup, Action run)
    {
        var best = TimeSpan.MaxValue;
        for (var repeat = 0; repeat < BreakdownRepeats; repeat++)
        {
            setup();
            Rounds.ForceGc();
            var stopwatch = Stopwatch.StartNew();
            run();
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, stopwatch.Elapsed.Ticks));
        }

        return best;
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
