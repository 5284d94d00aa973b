using CrmKit.Sdk.Security;

namespace CrmKit.Sdk.Http;

/// <summary>
/// One call to an <see cref="IHttpEndpoint"/>. New members may be added; endpoints take this one argument so they keep
/// working.
/// </summary>
public sealed class HttpEndpointContext
{
    /// <summary>The HTTP method, <c>GET</c> or <c>POST</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The query string parameters (the first value of each; names compared case-insensitively).</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    /// <summary>The request headers, names compared case-insensitively; several values of one header joined with <c>, </c>.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>
    /// The request body, read as it arrives; reading past <see cref="HttpEndpointDescriptor.MaxRequestBodyBytes"/>
    /// fails with an <see cref="IOException"/> (the host answers <c>413 request.too_large</c>).
    /// </summary>
    public required Stream Body { get; init; }

    /// <summary>The caller; null for an anonymous call to an endpoint that allows them.</summary>
    public CrmPrincipal? Principal { get; init; }

    /// <summary>The response to write.</summary>
    public required HttpEndpointResponse Response { get; init; }

    /// <summary>Services of the scope the call runs in.</summary>
    public required IServiceProvider Services { get; init; }
}
