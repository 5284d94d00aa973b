using CrmKit.Cli.Tests.Fakes;

namespace CrmKit.Cli.Tests;

/// <summary>Starts a fresh <see cref="FakeCrmServer"/> for each test and runs crmkit against it.</summary>
public abstract class CliTestBase : IAsyncLifetime
{
    private FakeCrmServer? _server;

    protected FakeCrmServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await FakeCrmServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected Task<CliResult> RunAsync(params string[] args) => new CliRunner(Server.BaseAddress).RunAsync(args);

    protected Task<CliResult> RunWithStdinAsync(string stdin, params string[] args) =>
        new CliRunner(Server.BaseAddress) { Stdin = stdin }.RunAsync(args);
}
