using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace CrmKit.Benchmarks.Files;

/// <summary>
/// The real CrmKit server (<c>dotnet CrmKit.Server.dll</c>, the build next to this benchmark's, with its default
/// settings) as a child process over a SQLite file and the local file store in a working folder.
/// </summary>
internal sealed class BenchServerProcess : IAsyncDisposable
{
    public const string AdminKey = "crmk_benchfiles0000_aVeryLongSecretForTheFilesBenchmarkAdministrator";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BenchServerProcess(Process process, Uri address)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        Memory = new ServerProcessMemory(process.Id);
    }

    public HttpClient Client { get; }

    public ServerProcessMemory Memory { get; }

    public static string ServerDll =>
        typeof(BenchServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrmKitServerDll").Value!;

    public static async Task<BenchServerProcess> StartAsync(string workingDirectory, params string[] settings)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(ServerDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString());
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["CRMKIT__SECURITY__BOOTSTRAPAPIKEY"] = AdminKey;
        var process = Process.Start(info)!;
        var server = new BenchServerProcess(process, address);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                // Keep the last lines only: the server logs every request.
                if (_output.Length > 64 * 1024)
                {
                    _output.Remove(0, 32 * 1024);
                }

                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The server exited at start-up:\n" + _output);
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The server did not become healthy:\n" + _output);
    }
}
