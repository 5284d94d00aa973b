namespace CrmKit.Cli;

/// <summary>
/// What a crmkit run talks to: its standard streams, the environment and, in tests, an HTTP handler to send
/// through. <see cref="Program"/> passes the console; tests pass string writers.
/// </summary>
internal sealed class CliHost
{
    public CliHost(TextWriter stdout, TextWriter stderr)
    {
        Stdout = stdout;
        Stderr = stderr;
    }

    public TextWriter Stdout { get; }

    public TextWriter Stderr { get; }

    /// <summary>Read by <c>--data -</c>.</summary>
    public TextReader Stdin { get; init; } = TextReader.Null;

    /// <summary>Sends the HTTP requests when set (in-memory test servers); null uses the network.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Looks up an environment variable (CRMKIT_SERVER, CRMKIT_API_KEY); tests replace it.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
