using System.CommandLine;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli;

/// <summary>
/// Runs command actions: builds the API client from the global options and turns every failure into a message on
/// stderr and an exit code, never a stack trace.
/// </summary>
internal sealed class CliRuntime(CliHost host, GlobalOptions options)
{
    public CliHost Host { get; } = host;

    public GlobalOptions Options { get; } = options;

    public async Task<int> RunAsync(
        ParseResult parseResult,
        Func<CommandContext, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken)
    {
        try
        {
            using var client = new CrmApiClient(CreateClientOptions(parseResult), Host.Handler);
            var context = new CommandContext
            {
                ParseResult = parseResult,
                Client = client,
                Host = Host,
                Json = parseResult.GetValue(Options.Output) == GlobalOptions.JsonFormat || parseResult.GetValue(Options.Json),
            };
            return await action(context, cancellationToken);
        }
        catch (CliUsageException ex)
        {
            await Host.Stderr.WriteLineAsync(CliMessages.Error(ex.Message));
            return ExitCodes.Usage;
        }
        catch (ApiProblemException ex)
        {
            ProblemWriter.Write(Host.Stderr, ex.Problem);
            return ex.Problem.Status >= 500 ? ExitCodes.Unavailable : ExitCodes.Refused;
        }
        catch (ServerUnavailableException ex)
        {
            await Host.Stderr.WriteLineAsync(CliMessages.Error(ex.Message));
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Host.Stderr.WriteLineAsync(CliMessages.Cancelled);
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A JSON answer of an unexpected shape (an older or foreign server) lands here; a stack trace would not help.
            await Host.Stderr.WriteLineAsync(CliMessages.UnusableAnswer(ex.Message));
            return ExitCodes.Unavailable;
        }
    }

    private CrmApiClientOptions CreateClientOptions(ParseResult parseResult)
    {
        var server = parseResult.GetValue(Options.Server);
        if (string.IsNullOrWhiteSpace(server))
        {
            server = Host.GetEnvironmentVariable(GlobalOptions.ServerVariable);
        }

        if (string.IsNullOrWhiteSpace(server))
        {
            server = GlobalOptions.DefaultServer;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var serverUri)
            || (serverUri.Scheme != Uri.UriSchemeHttp && serverUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException(CliMessages.ServerNotHttpUrl(server));
        }

        var apiKey = parseResult.GetValue(Options.ApiKey);
        if (string.IsNullOrEmpty(apiKey))
        {
            apiKey = Host.GetEnvironmentVariable(GlobalOptions.ApiKeyVariable);
        }

        return new CrmApiClientOptions
        {
            Server = serverUri,
            // CRMKIT_LANG also picks the server's language, so that one setting makes the whole output Russian.
            Language = parseResult.GetValue(Options.Language)
                ?? CrmCli.KnownLanguage(Host.GetEnvironmentVariable(GlobalOptions.LanguageVariable)),
            ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey,
        };
    }
}
