using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;

namespace CrmKit.Cli;

/// <summary>What a command's action works with: the parsed command line, the API client and the output.</summary>
internal sealed class CommandContext
{
    public required ParseResult ParseResult { get; init; }

    public required CrmApiClient Client { get; init; }

    public required CliHost Host { get; init; }

    /// <summary>True for <c>--output json</c>: print the server's JSON instead of tables.</summary>
    public required bool Json { get; init; }

    public TextWriter Out => Host.Stdout;

    public void WriteJson(JsonNode? node) => Out.WriteLine(JsonText.ToIndented(node));
}
