using System.Text.Json.Nodes;

namespace CrmKit.Templates.Tests.Infrastructure;

/// <summary>
/// A built CrmKit host started as a child process on a free loopback port, with a temp content root (where its
/// <c>plugins</c> folder and SQLite file live). Killed on dispose.
/// </summary>
internal sealed class RunningHost : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The administrator's API key the host is started with (CrmKit:Security:BootstrapApiKey).</summary>
    public const string AdminKey = "crmk_templatehost0000_aLongSecretForTheTemplateHostAdministrator0000";

    private readonly ChildProcess _process;

    private RunningHost(ChildProcess process, string contentRoot, Uri address)
    {
        _process = process;
        ContentRoot = contentRoot;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public string ContentRoot { get; }

    public string PluginsFolder => Path.Combine(ContentRoot, "plugins");

    public HttpClient Http { get; }

    /// <summary>What the host printed so far, for failure messages.</summary>
    public string Describe() => _process.Describe();

    public static async Task<RunningHost> StartAsync(Workspace workspace, string hostAssembly)
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(workspace.Root, "host-root")).FullName;
        Directory.CreateDirectory(Path.Combine(contentRoot, "plugins"));
        var address = new Uri($"http://127.0.0.1:{Workspace.FreeLoopbackPort()}");
        var process = ChildProcess.Start("dotnet",
        [
            hostAssembly,
            "--urls", address.ToString(),
            "--contentRoot", contentRoot,
            $"--CrmKit:Storage:ConnectionString=Data Source={Path.Combine(contentRoot, "crm.db")}",
            "--CrmKit:Plugins:Directory=plugins",
            "--CrmKit:Plugins:WatchDirectory=true",
            "--CrmKit:Security:BootstrapApiKey=" + AdminKey,
        ], contentRoot, workspace.Environment);
        var host = new RunningHost(process, contentRoot, address);
        try
        {
            await host.WaitForHealthAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {path} -> {(int)response.StatusCode}: {body}\n{Describe()}");
        return JsonNode.Parse(body)!;
    }

    public async Task<(int Status, JsonNode? Body)> PostJsonAsync(string path, JsonNode? body)
    {
        using var content = new StringContent(body?.ToJsonString() ?? string.Empty, System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
    }

    private async Task WaitForHealthAsync()
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            _process.HasExited.ShouldBeFalse($"The host exited before it answered /health:\n{Describe()}");
            try
            {
                using var response = await Http.GetAsync(new Uri("/health", UriKind.Relative), deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(200, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"The host did not answer /health within {StartTimeout.TotalSeconds:0} s:\n{Describe()}");
    }
}
