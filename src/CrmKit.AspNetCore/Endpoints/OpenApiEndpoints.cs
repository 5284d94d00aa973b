using CrmKit.AspNetCore.OpenApi;
using CrmKit.Core.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary><c>GET /openapi/v1.json</c>: the OpenAPI 3.1 document of the current metadata.</summary>
internal static class OpenApiEndpoints
{
    public const string Path = "/openapi/v1.json";

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet(Path, Get);

    private static IResult Get(HttpContext context)
    {
        var provider = context.RequestServices.GetRequiredService<OpenApiDocumentProvider>();
        var metadata = context.RequestServices.GetRequiredService<IMetadataService>();
        return Results.Bytes(provider.GetDocument(metadata, PluginEndpoints.IsAvailable(context.RequestServices), PluginPackageEndpoints.IsAvailable(context.RequestServices), EditionEndpoints.IsAvailable(context.RequestServices)), "application/json; charset=utf-8");
    }
}
