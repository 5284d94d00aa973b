using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Infrastructure;

namespace CrmKit.Benchmarks.Files;

/// <summary>
/// A 1 GiB attachment uploaded (raw body) to and downloaded from the real server (<c>dotnet CrmKit.Server.dll</c> with
/// the local file store), recording the server's peak memory during each transfer: its private memory (<c>RssAnon</c>,
/// sampled every 5 ms: heaps, buffers) — what the target is judged on — and its whole resident set (<c>VmHWM</c>, reset
/// before each transfer), which also counts the ~75 MB of runtime and framework assemblies mapped from disk that every
/// .NET process shares; both beside the idle figures after a warm-up. The transfer times are compared with the same
/// bytes written to and read from the disk directly, with SHA-256, measured in the same run. Target: the server's
/// memory stays under 100 MB while 1 GiB goes through (the content streams; nothing buffers it).
/// </summary>
internal sealed class FileTransferBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "files";
    private const long TargetPeakBytes = 100L * 1000 * 1000;
    private const int CopyBuffer = 128 * 1024;

    public async Task RunAsync()
    {
        if (!ServerProcessMemory.IsSupported)
        {
            Console.WriteLine();
            Console.WriteLine("== files: skipped (needs Linux /proc to read the server's memory) ==");
            report.Note(Name, "skipped: no /proc");
            return;
        }

        var size = settings.Quick ? 32L * 1024 * 1024 : 1024L * 1024 * 1024;
        var rounds = Math.Min(settings.Rounds, settings.Quick ? 1 : 3);
        Console.WriteLine();
        Console.WriteLine($"== files: {size / (1024 * 1024):N0} MiB upload and download through the real server (local store), {rounds} round(s) ==");
        var directory = Path.Combine(settings.WorkDirectory, "files");
        Directory.CreateDirectory(directory);
        await using var server = await BenchServerProcess.StartAsync(
            directory,
            "--CrmKit:Storage:ConnectionString=Data Source=" + Path.Combine(directory, "crmkit.db"),
            "--CrmKit:Files:LocalRoot=" + Path.Combine(directory, "files"),
            "--CrmKit:Files:MaxFileBytes=" + (2 * size).ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default=Warning");
        var deal = await CreateDealAsync(server.Client);

        // Warm-up: one small transfer each way, so that what is measured is the transfer, not first-use JIT and pools.
        var warm = await UploadAsync(server.Client, deal, 8 * 1024 * 1024, seed: 1);
        await DownloadAsync(server.Client, deal, warm.Id);
        await DeleteAsync(server.Client, deal, warm.Id);
        await Task.Delay(500);
        var idle = server.Memory.Resident;
        var idlePrivate = server.Memory.Private;
        Console.WriteLine($"  server memory when idle, after the warm-up: resident {Mb(idle)}, private {Mb(idlePrivate)}");
        var canReset = server.Memory.ResetPeak();

        var upload = new Samples();
        var download = new Samples();
        var diskWrite = new Samples();
        var diskRead = new Samples();
        long uploadPeak = 0, downloadPeak = 0, uploadPrivate = 0, downloadPrivate = 0;
        for (var round = 0; round < rounds; round++)
        {
            server.Memory.ResetPeak();
            var sampler = server.Memory.SamplePrivatePeak();
            var stopwatch = Stopwatch.StartNew();
            var sent = await UploadAsync(server.Client, deal, size, seed: 100 + round);
            stopwatch.Stop();
            await sampler.DisposeAsync();
            upload.Add(stopwatch.Elapsed);
            var peak = server.Memory.Peak;
            uploadPeak = Math.Max(uploadPeak, peak);
            uploadPrivate = Math.Max(uploadPrivate, sampler.Peak);
            Console.WriteLine($"  round {round + 1}: upload   {BenchmarkReport.Duration(stopwatch.Elapsed),10}  ({Rate(size, stopwatch.Elapsed)}), server peak private {Mb(sampler.Peak)}, resident {Mb(peak)}");

            server.Memory.ResetPeak();
            sampler = server.Memory.SamplePrivatePeak();
            stopwatch.Restart();
            var received = await DownloadAsync(server.Client, deal, sent.Id);
            stopwatch.Stop();
            await sampler.DisposeAsync();
            download.Add(stopwatch.Elapsed);
            peak = server.Memory.Peak;
            downloadPeak = Math.Max(downloadPeak, peak);
            downloadPrivate = Math.Max(downloadPrivate, sampler.Peak);
            Console.WriteLine($"  round {round + 1}: download {BenchmarkReport.Duration(stopwatch.Elapsed),10}  ({Rate(size, stopwatch.Elapsed)}), server peak private {Mb(sampler.Peak)}, resident {Mb(peak)}");
            if (received.Length != size || received.Sha256 != sent.ClientSha256 || sent.ServerSha256 != sent.ClientSha256)
            {
                report.SanityFailure($"files: round {round + 1}: sent {size:N0} bytes with sha256 {sent.ClientSha256}, the server stored {sent.ServerSha256}, the download gave {received.Length:N0} bytes with {received.Sha256}.");
            }

            await DeleteAsync(server.Client, deal, sent.Id);

            var path = Path.Combine(directory, "baseline.bin");
            stopwatch.Restart();
            var written = await DiskWriteAsync(path, size, seed: 100 + round);
            stopwatch.Stop();
            diskWrite.Add(stopwatch.Elapsed);
            stopwatch.Restart();
            var read = await DiskReadAsync(path);
            stopwatch.Stop();
            diskRead.Add(stopwatch.Elapsed);
            File.Delete(path);
            Console.WriteLine($"  round {round + 1}: disk write+hash {BenchmarkReport.Duration(diskWrite.Rounds[^1]),10}, read+hash {BenchmarkReport.Duration(diskRead.Rounds[^1]),10}");
            if (written != read)
            {
                report.SanityFailure("files: the baseline read back other bytes than it wrote.");
            }
        }

        var megabytes = size / (1024 * 1024);
        report.Add(new ResultRow($"{Name}: {megabytes:N0} MiB upload", "disk write + SHA-256 (baseline)", diskWrite, megabytes, "MiB", null));
        report.Add(new ResultRow($"{Name}: {megabytes:N0} MiB upload", "POST .../attachments through the server", upload, megabytes, "MiB", diskWrite));
        report.Add(new ResultRow($"{Name}: {megabytes:N0} MiB download", "disk read + SHA-256 (baseline)", diskRead, megabytes, "MiB", null));
        report.Add(new ResultRow($"{Name}: {megabytes:N0} MiB download", "GET .../content through the server", download, megabytes, "MiB", diskRead));
        var measured = canReset ? "VmHWM reset before each transfer" : "VmHWM since start: the kernel refused to reset it";
        foreach (var (direction, privatePeak, residentPeak) in new[] { ("upload", uploadPrivate, uploadPeak), ("download", downloadPrivate, downloadPeak) })
        {
            report.Add(new TargetRow(
                $"files: server memory < 100 MB during a {megabytes:N0} MiB {direction} (private: heaps and buffers)",
                $"peak private {Mb(privatePeak)} (idle {Mb(idlePrivate)}, +{Mb(privatePeak - idlePrivate)})",
                privatePeak < TargetPeakBytes));
            report.Add(new TargetRow(
                $"files: server resident set during a {megabytes:N0} MiB {direction} (with ~75 MB of mapped runtime assemblies)",
                $"peak resident {Mb(residentPeak)} ({measured}; idle {Mb(idle)}, +{Mb(residentPeak - idle)})",
                null));
        }
    }

    private static async Task<string> CreateDealAsync(HttpClient client)
    {
        using var response = await client.PostAsync(
            new Uri("/api/records/deal", UriKind.Relative),
            new StringContent("""{"title": "files benchmark", "stage": "new"}""", null, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException("Creating the deal failed: " + body);
        }

        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    private static async Task<(string Id, string ClientSha256, string ServerSha256)> UploadAsync(HttpClient client, string deal, long size, int seed)
    {
        using var content = new GeneratedContentStream(size, seed);
        using var body = new StreamContent(content, CopyBuffer);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentLength = size;
        using var response = await client.PostAsync(new Uri($"/api/records/deal/{deal}/attachments?fileName=bench.bin", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"The upload answered {(int)response.StatusCode}: {text}");
        }

        var attachment = JsonNode.Parse(text)!;
        return (attachment["id"]!.GetValue<string>(), content.Sha256(), attachment["sha256"]!.GetValue<string>());
    }

    private static async Task<(long Length, string Sha256)> DownloadAsync(HttpClient client, string deal, string id)
    {
        using var response = await client.GetAsync(
            new Uri($"/api/records/deal/{deal}/attachments/{id}/content", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return await HashAsync(stream);
    }

    private static async Task DeleteAsync(HttpClient client, string deal, string id)
    {
        using var response = await client.DeleteAsync(new Uri($"/api/records/deal/{deal}/attachments/{id}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<string> DiskWriteAsync(string path, long size, int seed)
    {
        using var content = new GeneratedContentStream(size, seed);
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
        {
            await content.CopyToAsync(file, CopyBuffer);
            await file.FlushAsync();
        }

        return content.Sha256();
    }

    private static async Task<string> DiskReadAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return (await HashAsync(file)).Sha256;
    }

    private static async Task<(long Length, string Sha256)> HashAsync(Stream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBuffer);
        long length = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, CopyBuffer))) > 0)
            {
                hash.AppendData(buffer, 0, read);
                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0.0} MB");

    private static string Rate(long bytes, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024) / elapsed.TotalSeconds:0} MiB/s");
}
