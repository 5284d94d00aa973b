using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary><c>GET /health</c>: 200 when the store answers, 503 <c>store.unavailable</c> when it does not.</summary>
internal static class HealthEndpoints
{
    /// <summary>Maps the one endpoint anyone may call, without credentials (load balancers, orchestrators).</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", (Func<HttpContext, Task<IResult>>)CheckAsync).AllowAnonymous();

    private static async Task<IResult> CheckAsync(HttpContext context)
    {
        var store = context.RequestServices.GetService<ICrmStore>();
        if (store is not null)
        {
            try
            {
                // Opening a read session touches the database without reading any table: cheap on every provider.
                await using var session = await store.BeginAsync(write: false, context.RequestAborted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw ApiErrors.StoreUnavailable(exception);
            }
        }

        return new JsonWriterResult(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "healthy");
            writer.WriteEndObject();
        });
    }
}
