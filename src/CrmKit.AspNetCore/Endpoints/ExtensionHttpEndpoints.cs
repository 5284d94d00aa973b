using CrmKit.AspNetCore.Problems;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Security;
using CrmKit.Core.Files;
using CrmKit.Core.Modules;
using CrmKit.Core.Security;
using CrmKit.Sdk.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// <c>GET</c> and <c>POST /api/ext/{name}</c>: the HTTP endpoints modules and plugins register (<see cref="IHttpEndpoint"/>),
/// looked up among the active extensions on every call, so a plugin's endpoint goes away when it is disabled (404
/// <c>endpoint.not_found</c>). The route itself lets anonymous calls through; the host then authenticates the caller
/// and checks the API key's scope (read for GET, write for POST) unless the endpoint allows anonymous calls, and caps
/// the body at the endpoint's limit.
/// </summary>
internal static class ExtensionHttpEndpoints
{
    public const string Pattern = "/api/ext/{name}";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Pattern, [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, string, Task>)HandleAsync)
            .AllowAnonymous();

    private static async Task HandleAsync(HttpContext context, string name)
    {
        var extensions = ApiRequest.GetService<ICrmExtensions>(context);
        if (!extensions.TryGet<IHttpEndpoint>(name, out var endpoint))
        {
            throw new ApiProblemException(404, "endpoint.not_found", Resources.ApiMessages.Text("endpoint.not_found", name));
        }

        var descriptor = endpoint.Descriptor;
        Sdk.Security.CrmPrincipal? principal = null;
        if (!descriptor.AllowAnonymous)
        {
            principal = await ApiRequest.GetPrincipalAsync(context);
            if (context.User.HasClaim(c => c.Type == CrmKitAuthentication.KeyIdClaim))
            {
                var needed = HttpMethods.IsGet(context.Request.Method) ? ApiKeyScopes.Read : ApiKeyScopes.Write;
                var scopes = context.User.FindAll(CrmKitAuthentication.ScopeClaim).Select(c => c.Value).ToList();
                if (!ApiKeyScopes.Allows(scopes, needed))
                {
                    throw ApiErrors.InsufficientScope(needed);
                }
            }
        }

        var limit = descriptor.MaxRequestBodyBytes ?? ApiRequest.GetService<IOptions<CrmKitApiOptions>>(context).Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw ApiErrors.TooLarge(limit);
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in context.Request.Query)
        {
            query[key] = value.FirstOrDefault() ?? "";
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in context.Request.Headers)
        {
            headers[key] = value.ToString();
        }

        var body = new LimitedReadStream(context.Request.Body, limit);
        var call = new HttpEndpointContext
        {
            Method = context.Request.Method,
            Query = query,
            Headers = headers,
            Body = body,
            Principal = principal,
            Response = new HostResponse(context.Response),
            Services = context.RequestServices,
        };
        try
        {
            await endpoint.HandleAsync(call, context.RequestAborted);
        }
        catch (InvalidDataException exception) when (body.Exceeded)
        {
            throw ApiErrors.TooLarge(limit, new BadHttpRequestException(exception.Message, StatusCodes.Status413PayloadTooLarge));
        }
    }

    /// <summary>The response an endpoint writes, over ASP.NET Core's.</summary>
    private sealed class HostResponse(HttpResponse response) : HttpEndpointResponse
    {
        public override int StatusCode
        {
            get => response.StatusCode;
            set => response.StatusCode = value;
        }

        public override string? ContentType
        {
            get => response.ContentType;
            set => response.ContentType = value;
        }

        public override bool HasStarted => response.HasStarted;

        public override Stream Body => response.Body;

        public override void SetHeader(string name, string value)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            response.Headers[name] = value;
        }
    }
}
