using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests;

/// <summary>The server takes its settings from configuration: appsettings keys and <c>CRMKIT__*</c> variables.</summary>
public sealed class ServerConfigurationTests
{
    [Fact]
    public async Task ApiLimits_ShouldComeFromTheCrmKitApiSection()
    {
        using var factory = new CrmKitServerFactory();
        factory.Settings["CrmKit:Api:MaxRequestBodyBytes"] = "300";
        factory.Settings["CrmKit:Api:MaxJsonDepth"] = "3";
        var api = new CrmApi(factory.CreateClient());

        using var large = await api.PostJsonAsync("/api/records/note", "{\"body\": \"" + new string('a', 400) + "\"}");
        using var deep = await api.PostJsonAsync("/api/records/note", """{"body": "x", "extra": [[[1]]]}""");

        (await large.ShouldBeProblemAsync(413, "request.too_large"))["limit"]!.GetValue<long>().ShouldBe(300);
        (await deep.ShouldBeProblemAsync(400, "request.too_deep"))["maxDepth"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task Server_ShouldUseTheConnectionStringFromACrmKitEnvironmentVariable()
    {
        var directory = Directory.CreateTempSubdirectory("crmkit-env-").FullName;
        var database = Path.Combine(directory, "from-env.db");
        try
        {
            await using var server = await ServerProcess.StartAsync(
                directory, new() { ["CRMKIT__STORAGE__CONNECTIONSTRING"] = "Data Source=" + database });

            (await server.Client.GetStringAsync("/health")).ShouldBe("""{"status":"healthy"}""");
            (await server.Client.GetStringAsync("/api/metadata/entities")).ShouldContain("\"contact\"");
            File.Exists(database).ShouldBeTrue();
            File.Exists(Path.Combine(directory, "crmkit.db")).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Server_ShouldKeepItsDataInCrmKitDbInTheWorkingDirectory_ByDefault()
    {
        var directory = Directory.CreateTempSubdirectory("crmkit-cwd-").FullName;
        try
        {
            await using var server = await ServerProcess.StartAsync(directory, []);

            using var health = await server.Client.GetAsync("/health");
            (await health.Content.ReadAsStringAsync()).ShouldBe("""{"status":"healthy"}""");
            health.Headers.Contains("Server").ShouldBeFalse("Kestrel must not name itself");
            health.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            File.Exists(Path.Combine(directory, "crmkit.db")).ShouldBeTrue();
            Directory.Exists(Path.Combine(directory, "crmkit-keys")).ShouldBeTrue("the Data Protection key ring lives beside the data");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task FirstStart_ShouldPrintAnAdministratorKeyOnce_ThatWorks_AndARestartShouldPrintNone()
    {
        var directory = Directory.CreateTempSubdirectory("crmkit-first-").FullName;
        try
        {
            string key;
            await using (var first = await ServerProcess.StartAsync(directory, []))
            {
                key = first.AdministratorKey.ShouldNotBeNull(first.Output);
                using var anonymous = new HttpClient { BaseAddress = first.Client.BaseAddress };
                (await anonymous.GetAsync("/api/records/contact")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                var me = await first.Client.GetStringAsync("/api/me");
                me.ShouldContain("\"id\":\"admin\"");
            }

            await using var second = await ServerProcess.StartAsync(directory, []);
            second.AdministratorKey.ShouldBeNull("the key is shown only at the first start");
            second.Client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            (await second.Client.GetAsync("/api/records/contact")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>CrmKit.Server started as its own process (<c>dotnet CrmKit.Server.dll --urls ...</c>).</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output;

        private ServerProcess(Process process, StringBuilder output, HttpClient client)
        {
            _process = process;
            _output = output;
            Client = client;
        }

        public HttpClient Client { get; }

        /// <summary>The key the server printed at its first start (null when it printed none).</summary>
        public string? AdministratorKey { get; private set; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        private static string? PrintedKey(StringBuilder output)
        {
            lock (output)
            {
                var match = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"crmk_[a-z0-9]{16}_[A-Za-z0-9_-]{43}");
                return match.Success ? match.Value : null;
            }
        }

        public static async Task<ServerProcess> StartAsync(string workingDirectory, Dictionary<string, string> environment)
        {
            var port = FreePort();
            var serverDll = typeof(Program).Assembly.Location;
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(serverDll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            var output = new StringBuilder();
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var server = new ServerProcess(process, output, client);
            for (var attempt = 0; attempt < 300; attempt++)
            {
                if (process.HasExited)
                {
                    break;
                }

                try
                {
                    using var response = await client.GetAsync("/health");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        // The first start creates the administrator and prints its key once; the tests act as it.
                        server.AdministratorKey = PrintedKey(output);
                        client.DefaultRequestHeaders.Authorization = new("Bearer", server.AdministratorKey);
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100);
            }

            await server.DisposeAsync();
            throw new InvalidOperationException("The server did not start:\n" + output);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            lock (_output)
            {
                _output.Clear();
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
