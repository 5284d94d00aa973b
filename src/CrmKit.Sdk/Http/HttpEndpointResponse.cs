namespace CrmKit.Sdk.Http;

/// <summary>
/// The answer of an <see cref="IHttpEndpoint"/>: set the status, the content type and headers first, then write the
/// body; the first write sends the head. The host implements it.
/// </summary>
public abstract class HttpEndpointResponse
{
    /// <summary>The status code, 200 unless set.</summary>
    public abstract int StatusCode { get; set; }

    /// <summary>The media type of the body, with its charset, for example <c>text/plain; charset=utf-8</c>.</summary>
    public abstract string? ContentType { get; set; }

    /// <summary>Whether the head was sent already (headers and status can no longer change).</summary>
    public abstract bool HasStarted { get; }

    /// <summary>Where to write the body.</summary>
    public abstract Stream Body { get; }

    /// <summary>Sets a response header (not <c>Content-Type</c>, use <see cref="ContentType"/>).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">Its value.</param>
    public abstract void SetHeader(string name, string value);
}
