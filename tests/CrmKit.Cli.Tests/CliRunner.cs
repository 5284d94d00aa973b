namespace CrmKit.Cli.Tests;

/// <summary>
/// Runs crmkit in-process against a server address: the fake server today; end-to-end tests pass the real server's
/// address (or its in-memory handler) instead, and every command test can run unchanged.
/// </summary>
public sealed class CliRunner(Uri? server, HttpMessageHandler? handler = null)
{
    /// <summary>What <c>--data -</c> reads.</summary>
    public string Stdin { get; init; } = string.Empty;

    /// <summary>The environment the CLI sees (nothing from the test process leaks in).</summary>
    public Dictionary<string, string> Environment { get; init; } = [];

    /// <summary>Runs <c>crmkit --server &lt;server&gt; args...</c> (no --server when the runner has no address).</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(stdout, stderr)
        {
            Stdin = new StringReader(Stdin),
            Handler = handler,
            GetEnvironmentVariable = name => Environment.TryGetValue(name, out var value) ? value : null,
        };
        string[] fullArgs = server is null ? args : ["--server", server.ToString(), .. args];
        var exitCode = await CrmCli.InvokeAsync(fullArgs, host);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
