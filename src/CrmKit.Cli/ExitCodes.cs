namespace CrmKit.Cli;

/// <summary>The process exit codes of crmkit (docs/cli.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The server refused the request (a 4xx answer).</summary>
    public const int Refused = 1;

    /// <summary>The command line or its input is wrong; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached, timed out, answered 5xx or answered something that is not JSON.</summary>
    public const int Unavailable = 3;

    /// <summary>The user interrupted the command (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
