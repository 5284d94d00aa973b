using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CrmKit.AspNetCore.Problems;

/// <summary>
/// The outermost middleware: a request no endpoint matched gets a <c>404 route.not_found</c> problem, a method an
/// address does not accept gets <c>405</c>, and an exception that escaped the pipeline gets a problem instead of an
/// empty 500.
/// </summary>
internal sealed class ProblemMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<ProblemMiddleware> _logger;

    public ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted &&
            ProblemMapper.TryMap(context, exception, _logger, out var problem))
        {
            context.Response.Clear();
            await problem.ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        if (response.HasStarted || response.ContentType is not null || response.ContentLength > 0)
        {
            return;
        }

        if (response.StatusCode == StatusCodes.Status404NotFound && context.GetEndpoint() is null)
        {
            await new ProblemResult(ApiErrors.RouteNotFound(), context).ExecuteAsync(context);
        }
        else if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            await new ProblemResult(ApiErrors.MethodNotAllowed(), context).ExecuteAsync(context);
        }
    }
}
