using System.Diagnostics.CodeAnalysis;
using CrmKit.Sdk.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmKit.AspNetCore.Problems;

/// <summary>Turns any exception into the problem response a client may see, and logs what the client may not.</summary>
internal static partial class ProblemMapper
{
    /// <summary>Maps an exception; false when the request was aborted and nothing should be written.</summary>
    public static bool TryMap(
        HttpContext context, Exception exception, ILogger logger, [NotNullWhen(true)] out ProblemResult? result)
    {
        result = null;
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        CrmException problem;
        switch (exception)
        {
            case CrmException crm:
                problem = crm;
                break;
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                var limit = context.RequestServices.GetService<IOptions<CrmKitApiOptions>>()?.Value.MaxRequestBodyBytes
                    ?? new CrmKitApiOptions().MaxRequestBodyBytes;
                problem = ApiErrors.TooLarge(limit, bad);
                break;
            case BadHttpRequestException bad:
                problem = ApiErrors.BadRequest(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, bad);
                break;
            default:
                problem = ApiErrors.ServerError(exception);
                break;
        }

        result = new ProblemResult(problem, context);
        if (result.StatusCode >= 500)
        {
            LogServerError(logger, context.Request.Method, context.Request.Path, TraceId.Of(context), exception);
        }
        else
        {
            LogClientError(logger, result.StatusCode, problem.Code, context.Request.Method, context.Request.Path);
        }

        return true;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Request {Method} {Path} failed (trace {TraceId}).")]
    private static partial void LogServerError(ILogger logger, string method, PathString path, string traceId, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Request answered {Status} {Code}: {Method} {Path}.")]
    private static partial void LogClientError(ILogger logger, int status, string code, string method, PathString path);
}
