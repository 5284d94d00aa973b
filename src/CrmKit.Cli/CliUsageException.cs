namespace CrmKit.Cli;

/// <summary>The command line or its input (for example the JSON given to --data) is wrong; exit code 2.</summary>
internal sealed class CliUsageException(string message, Exception? innerException = null)
    : Exception(message, innerException);
