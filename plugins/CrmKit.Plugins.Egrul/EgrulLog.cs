using Microsoft.Extensions.Logging;

namespace CrmKit.Plugins.Egrul;

/// <summary>The plugin's log messages. None carries the token or a header value.</summary>
internal static partial class EgrulLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "DaData findById/party for {Query}: HTTP {Status}.")]
    public static partial void Answered(ILogger logger, string query, int status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "EGRUL autofill of company {Id} (INN {Inn}) postponed: {Reason}.")]
    public static partial void AutofillPostponed(ILogger logger, Guid id, string inn, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "EGRUL autofill of company {Id} (INN {Inn}) completed: {State}.")]
    public static partial void AutofillCompleted(ILogger logger, Guid id, string inn, string state);
}
