using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CrmKit.AspNetCore.Problems;

/// <summary>
/// Wraps every CrmKit endpoint so that its failures become problem details right there, whatever exception pages
/// the host has in its pipeline (the developer exception page would otherwise show a stack trace).
/// </summary>
internal sealed class ProblemEndpointFilter : IEndpointFilter
{
    private readonly ILogger<ProblemEndpointFilter> _logger;

    public ProblemEndpointFilter(ILogger<ProblemEndpointFilter> logger)
    {
        _logger = logger;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (ProblemMapper.TryMap(context.HttpContext, exception, _logger, out var problem))
        {
            return problem;
        }
    }
}
