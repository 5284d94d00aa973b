using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Json;

/// <summary>
/// A response whose body is written with a <see cref="Utf8JsonWriter"/>. The body is produced in memory first so that a
/// failure while writing becomes a clean problem response rather than a truncated document.
/// </summary>
internal sealed class JsonWriterResult : IResult
{
    private readonly Action<Utf8JsonWriter> _write;

    public JsonWriterResult(int statusCode, Action<Utf8JsonWriter> write, string contentType = ApiJson.ContentType)
    {
        StatusCode = statusCode;
        _write = write;
        ContentType = contentType;
    }

    public int StatusCode { get; }

    public string ContentType { get; }

    /// <summary>The <c>Location</c> header, if any.</summary>
    public string? Location { get; init; }

    /// <summary>The <c>ETag</c> header, if any.</summary>
    public string? ETag { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, ApiJson.WriterOptions))
        {
            _write(writer);
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted);
    }
}
