using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Plugins.OneC.Export;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Settings;

namespace CrmKit.Benchmarks.OneC;

/// <summary>
/// Export of orders with 5 lines each to CommerceML 2.10 through the crmkit.onec plugin's exporter (records streamed,
/// lines, buyers and products read per batch through <see cref="IRecordService"/> queries, the document model, a
/// per-document buffer copied to the output asynchronously) against a plain <see cref="System.Xml.XmlWriter"/> loop writing
/// the same bytes (<see cref="PlainXmlWriterLoop"/>), interleaved rounds in one process. Target: at least 50% of the
/// plain loop's speed. Memory: the peak live heap (after full collections at ten checkpoints) during an export of N/5 and of N orders
/// must not grow with N.
/// </summary>
internal sealed class OneCExportBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "onec-export";
    private const double TargetSpeed = 0.5;
    private const int RoundCount = 7;

    private static readonly DateTimeOffset GeneratedAt = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    public async Task RunAsync()
    {
        var orders = settings.Quick ? 1_000 : 10_000;
        Console.WriteLine();
        Console.WriteLine($"== onec-export: {orders} orders × {OrderData.LinesPerOrder} lines to CommerceML 2.10, {RoundCount} interleaved rounds ==");

        // Sanity: both contenders write the same bytes.
        var (oursHash, oursBytes) = await HashAsync(s => ExportAsync(s, 300));
        var (theirsHash, theirsBytes) = await HashAsync(s => { PlainXmlWriterLoop.Write(s, 300, GeneratedAt); return Task.CompletedTask; });
        if (oursHash != theirsHash || oursBytes != theirsBytes)
        {
            report.SanityFailure($"onec-export: the exporter and the plain loop wrote different XML ({oursBytes} vs {theirsBytes} bytes)");
            return;
        }

        var ours = new Samples();
        var plain = new Samples();
        long size = 0;
        for (var round = -1; round < RoundCount; round++)
        {
            var a = await TimeAsync(async s => await ExportAsync(s, orders));
            var b = await TimeAsync(s => { PlainXmlWriterLoop.Write(s, orders, GeneratedAt); return Task.CompletedTask; });
            size = b.Bytes;
            if (round >= 0)
            {
                ours.Add(a.Elapsed);
                plain.Add(b.Elapsed);
                Console.WriteLine($"  round {round + 1}: exporter {BenchmarkReport.Duration(a.Elapsed),10}   plain XmlWriter {BenchmarkReport.Duration(b.Elapsed),10}");
            }
        }

        var label = $"{Name}: {orders:N0} orders × {OrderData.LinesPerOrder} lines";
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"Output {size / 1024.0 / 1024.0:0.0} MiB, identical bytes from both contenders (checked by SHA-256). Both parse the same JSON record values; the exporter reads lines, companies and products through IRecordService in (...) queries per batch of {OrderSource.BatchSize} deals (served from generated data, no store), the plain loop reads them directly."));
        report.Add(new ResultRow(label, "plain XmlWriter loop (baseline)", plain, orders, "order", null));
        report.Add(new ResultRow(label, "crmkit.onec CommerceMlExporter", ours, orders, "order", plain));
        var speed = plain.Median / ours.Median;
        report.Add(new TargetRow(
            $"onec-export: {orders:N0} orders × 5 lines at ≥ {TargetSpeed:0%} of a plain XmlWriter loop's speed (median)",
            string.Create(CultureInfo.InvariantCulture, $"{speed:0%} ({ours.Median.TotalMicroseconds / orders:0.0} µs vs {plain.Median.TotalMicroseconds / orders:0.0} µs per order); best rounds {plain.Best / ours.Best:0%}"),
            speed >= TargetSpeed));

        var small = await MemoryAsync(orders / 5);
        var large = await MemoryAsync(orders);
        var grows = large.Peak > small.Peak * 1.5 + 1024 * 1024;
        report.Add(new TargetRow(
            $"onec-export: memory does not grow with the count (peak live heap at {orders:N0} orders ≤ 1.5 × at {orders / 5:N0}, + 1 MiB)",
            string.Create(CultureInfo.InvariantCulture,
                $"peak live heap above the start {small.Peak / 1024.0 / 1024.0:0.0} MiB at {orders / 5:N0}, {large.Peak / 1024.0 / 1024.0:0.0} MiB at {orders:N0}; allocated {small.Allocated / (double)(orders / 5) / 1024:0.0} / {large.Allocated / (double)orders / 1024:0.0} KiB per order"),
            !grows));
    }

    private static async Task<AccountingExportResult> ExportAsync(Stream output, int orders, IProgress<long>? progress = null)
    {
        var exporter = new CommerceMlExporter(new GeneratedRecordService(), new FixedSettings(), new FixedTime());
        var result = await exporter.ExportAsync(new AccountingExportContext
        {
            Principal = CrmPrincipal.System,
            Entity = "deal",
            Records = Deals(orders),
            Settings = [],
            Services = EmptyServices.Instance,
            Progress = progress,
        }, output, CancellationToken.None);
        if (result.ExportedCount != orders)
        {
            throw new InvalidOperationException($"exported {result.ExportedCount} of {orders}");
        }

        return result;
    }

    private static async IAsyncEnumerable<CrmRecord> Deals(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % OrderSource.BatchSize == 0)
            {
                // A store answers pages asynchronously; so does this one.
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return OrderData.Deal(i);
        }
    }

    private static async Task<(TimeSpan Elapsed, long Bytes)> TimeAsync(Func<Stream, Task> write)
    {
        await using var sink = new CountingStream();
        var watch = Stopwatch.StartNew();
        await write(sink);
        return (watch.Elapsed, sink.Length);
    }

    private static async Task<(string Hash, long Bytes)> HashAsync(Func<Stream, Task> write)
    {
        using var buffer = new MemoryStream();
        await write(buffer);
        return (Convert.ToHexString(SHA256.HashData(buffer.ToArray())), buffer.Length);
    }

    /// <summary>
    /// The live heap above the start at ten checkpoints of one export (a full collection at each, so garbage does not
    /// count), its peak, and the bytes allocated over the export.
    /// </summary>
    private static async Task<(long Peak, long Allocated)> MemoryAsync(int orders)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = 0;
        var every = Math.Max(1, orders / 10);
        var progress = new SynchronousProgress(count =>
        {
            if (count % every == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - start);
            }
        });
        await using (var sink = new CountingStream())
        {
            await ExportAsync(sink, orders, progress);
        }

        return (peak, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    /// <summary>Reports on the exporting thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>Counts what is written and throws it away.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private sealed class FixedSettings : IModuleSettings
    {
        public string ModuleId => "crmkit.onec";

        public long Version => 1;

        public JsonObject GetCurrent() => new() { ["schemaVersion"] = "2.10" };

        public T Get<T>(JsonSerializerOptions? options = null) => GetCurrent().Deserialize<T>(options ?? JsonSerializerOptions.Web)!;
    }

    private sealed class FixedTime : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => GeneratedAt;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
