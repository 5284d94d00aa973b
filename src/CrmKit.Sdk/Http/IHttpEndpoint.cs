namespace CrmKit.Sdk.Http;

/// <summary>
/// An HTTP endpoint a module serves under the host's API: <c>GET</c> and <c>POST /api/ext/{name}</c>, for protocols a
/// third party drives and CrmKit cannot shape (1C "обмен с сайтом", a payment provider's callback). The host routes the
/// call, applies its size limit and, unless <see cref="HttpEndpointDescriptor.AllowAnonymous"/> is set, its
/// authentication; the endpoint reads the request and writes the answer. Register it with
/// <see cref="Extensibility.CrmBuilderExtensions.AddHttpEndpoint{TEndpoint}"/>.
/// </summary>
public interface IHttpEndpoint
{
    /// <summary>The endpoint's name (its address) and how the host treats its calls.</summary>
    HttpEndpointDescriptor Descriptor { get; }

    /// <summary>Answers one call.</summary>
    /// <param name="context">The request, the response to write and the caller.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away or the host stops.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    Task HandleAsync(HttpEndpointContext context, CancellationToken cancellationToken);
}
