using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Security;

/// <summary>
/// Adds security headers to the answers of CrmKit's endpoints (and of requests no endpoint matched): no MIME sniffing,
/// no framing, no referrer, a content security policy that allows nothing (the API serves data, not pages), and no caching
/// by shared caches. A host's own endpoints are left as the host configures them.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var endpoint = http.GetEndpoint();
            if (endpoint is not null && endpoint.Metadata.GetMetadata<CrmKitApiMarker>() is null)
            {
                return Task.CompletedTask;
            }

            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
