namespace CrmKit.Cli.Api;

/// <summary>
/// The server could not be reached, did not answer in time, or answered something that is not JSON; exit code 3.
/// The message names the server address.
/// </summary>
internal sealed class ServerUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
