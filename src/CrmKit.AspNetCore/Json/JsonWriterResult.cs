using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Json;

/// <summary>
/// A response whose body is written with a <see cref="Utf8JsonWriter"/>. The body is rendered in memory when the result
/// is created, inside the endpoint, so that a failure while writing becomes a clean problem response rather than a
/// truncated document or an exception page.
/// </summary>
internal sealed class JsonWriterResult : IResult
{
    private readonly ArrayBufferWriter<byte> _body = new(1024);

    public JsonWriterResult(int statusCode, Action<Utf8JsonWriter> write, string contentType = ApiJson.ContentType)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        using var writer = new Utf8JsonWriter(_body, ApiJson.WriterOptions);
        write(writer);
    }

    public int StatusCode { get; }

    public string ContentType { get; }

    /// <summary>The <c>Location</c> header, if any.</summary>
    public string? Location { get; init; }

    /// <summary>The <c>ETag</c> header, if any.</summary>
    public string? ETag { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = _body.WrittenCount;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        await response.Body.WriteAsync(_body.WrittenMemory, httpContext.RequestAborted);
    }
}
