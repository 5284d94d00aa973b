extern alias server;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CrmKit.Benchmarks.Channels;

/// <summary>
/// <c>channels</c>: the stock server on Kestrel over a SQLite file with the published Telegram plugin, and a Telegram
/// instance configured. Each round sends the same number of requests, 4 at a time over loopback HTTP, of two kinds:
/// the baseline, a bare <c>POST /api/records/activity</c> of one record; and a Telegram webhook update from a new user,
/// which the server verifies, parses and stores as a new contact, a new lead and a timeline activity (one transaction
/// with the de-duplication lookup) before answering. Target: at least 500 webhook messages per second.
/// </summary>
internal sealed class ChannelWebhookBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "channels";
    private const double Target = 500;
    private const int Parallel = 4;
    private const string AdminKey = "crmk_benchadmin000_aVeryLongSecretForTheBenchmarkAdministrator00";
    private const string Secret = "bench-secret_0123456789";

    public async Task RunAsync()
    {
        var count = settings.Quick ? 200 : 3_000;
        Console.WriteLine();
        Console.WriteLine($"== channels: {count:N0} requests per contender per round, {Parallel} concurrent, stock server over SQLite with crmkit.telegram ==");
        using var host = new BenchServer(Path.Combine(settings.WorkDirectory, "channels"));
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        (await admin.PostAsJsonAsync("/api/users", new JsonObject
        {
            ["id"] = "svc-channels", ["displayName"] = "Channels", ["kind"] = "service", ["roles"] = new JsonArray("administrator"),
        })).EnsureSuccessStatusCode();
        using var telegram = host.CreateDefaultClient(host.ClientOptions.BaseAddress);

        var next = 1_000_000L;
        Func<HttpClient, long, Task> baseline = async (client, id) =>
        {
            using var response = await client.PostAsJsonAsync("/api/records/activity", new JsonObject
            {
                ["type"] = "message", ["subject"] = "Здравствуйте! Интересует CRM на 10 пользователей " + id, ["status"] = "done",
            });
            Check(response, "baseline");
        };
        Func<HttpClient, long, Task> webhook = async (client, id) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/tg/webhook") { Content = new StringContent(Update(id), Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
            using var response = await client.SendAsync(request);
            Check(response, "webhook");
        };
        var contenders = new (string Name, HttpClient Client, Func<HttpClient, long, Task> Send)[]
        {
            ("POST /api/records/activity (baseline)", admin, baseline),
            ("Telegram webhook → contact + lead + activity", telegram, webhook),
        };

        // Warm-up: the JIT, the connection pools, the plugin's first calls.
        foreach (var contender in contenders)
        {
            await RunRoundAsync(contender.Client, contender.Send, settings.Quick ? 20 : 200, () => Interlocked.Increment(ref next));
        }

        var samples = contenders.Select(_ => new Samples()).ToArray();
        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var i in Rounds.Rotate(Enumerable.Range(0, contenders.Length).ToList(), round))
            {
                Rounds.ForceGc();
                var elapsed = await RunRoundAsync(contenders[i].Client, contenders[i].Send, count, () => Interlocked.Increment(ref next));
                samples[i].Add(elapsed);
                Console.WriteLine($"  round {round + 1}: {contenders[i].Name,-46} {BenchmarkReport.Duration(elapsed),10}  ({BenchmarkReport.Count(count / elapsed.TotalSeconds)}/s)");
            }
        }

        // Sanity: every webhook stored exactly one activity with a channel key.
        var stored = JsonNode.Parse(await admin.GetStringAsync("/api/records/activity?filter=" + Uri.EscapeDataString("direction eq 'inbound'") + "&limit=1&count=true"))!;
        if (stored["total"] is not JsonValue total || total.GetValue<long>() != (settings.Quick ? 20 : 200) + (long)count * settings.Rounds)
        {
            report.SanityFailure($"channels: {stored["total"]} inbound activities stored; expected {(settings.Quick ? 20 : 200) + (long)count * settings.Rounds}.");
        }

        var label = $"{Name}: inbound webhook to stored lead and activity";
        report.Add(new ResultRow(label, contenders[0].Name, samples[0], count, "request", null));
        report.Add(new ResultRow(label, contenders[1].Name, samples[1], count, "message", samples[0]));
        var rate = count / samples[1].Median.TotalSeconds;
        report.Add(new TargetRow(
            "channels: Telegram webhook → stored contact, lead and activity ≥ 500 messages/s on SQLite",
            string.Create(CultureInfo.InvariantCulture,
                $"{BenchmarkReport.Count(rate)}/s median, {BenchmarkReport.Count(count / samples[1].Best.TotalSeconds)}/s best; {samples[1].Median / samples[0].Median:0.00}x the time of a bare record POST (median/median)"),
            rate >= Target));
    }

    private static async Task<TimeSpan> RunRoundAsync(HttpClient client, Func<HttpClient, long, Task> send, int count, Func<long> nextId)
    {
        var remaining = count;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await send(client, nextId());
            }
        }));
        stopwatch.Stop();
        return stopwatch.Elapsed;
    }

    private static void Check(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"channels: the {what} request answered {(int)response.StatusCode}.");
        }
    }

    private static string Update(long id) => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"update_id":{{{id}}},"message":{"message_id":42,"from":{"id":{{{id}}},"is_bot":false,"first_name":"Иван","last_name":"Петров","username":"ivan_{{{id}}}","language_code":"ru"},
         "chat":{"id":{{{id}}},"first_name":"Иван","type":"private"},"date":1736935800,"text":"Здравствуйте! Интересует CRM на 10 пользователей"}}
        """);

    /// <summary>The stock server with the published Telegram plugin and one instance, <c>tg</c>.</summary>
    private sealed class BenchServer : WebApplicationFactory<server::Program>
    {
        private readonly string _folder;

        public BenchServer(string folder)
        {
            _folder = folder;
            var from = Path.Combine(AppContext.BaseDirectory, "published-plugins", "crmkit.telegram");
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder, "plugins", "crmkit.telegram", Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }

            UseKestrel(0);
            StartServer();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("CrmKit:Storage:ConnectionString", "Data Source=" + Path.Combine(_folder, "crmkit.db"));
            builder.UseSetting("CrmKit:Security:BootstrapApiKey", AdminKey);
            builder.UseSetting("CrmKit:Security:KeyRingDirectory", Path.Combine(_folder, "keys"));
            builder.UseSetting("CrmKit:Plugins:Directory", Path.Combine(_folder, "plugins"));
            builder.UseSetting("CrmKit:Plugins:WatchDirectory", "false");
            builder.UseSetting("CrmKit:Api:RateLimit:Enabled", "false");
            builder.UseSetting("CrmKit:Channels:tg:Type", "telegram");
            builder.UseSetting("CrmKit:Channels:tg:ServiceAccount", "svc-channels");
            builder.UseSetting("CrmKit:Channels:tg:Settings:botToken", "123456:BENCH-token");
            builder.UseSetting("CrmKit:Channels:tg:Settings:secretToken", Secret);
            builder.ConfigureLogging(logging => logging.ClearProviders());
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                SqliteConnection.ClearAllPools();
            }
        }
    }
}
