using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using CrmKit.AspNetCore.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CrmKit.AspNetCore.Http;

/// <summary>
/// Reads a request body as JSON without model binding: checks the media type (415), enforces the size limit while
/// reading (413), requires valid UTF-8 and well-formed JSON within the depth limit (400), and parses into a
/// <see cref="JsonNode"/> that keeps every number's exact text.
/// </summary>
internal static class JsonBodyReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static async Task<JsonNode?> ReadAsync(HttpContext context, CrmKitApiOptions options)
    {
        var request = context.Request;
        EnsureJsonMediaType(request);

        var limit = options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw ApiErrors.TooLarge(limit);
        }

        // Let the server stop an oversized body early too; not every server lets us (TestServer, after reading began).
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var bytes = await ReadLimitedAsync(request.Body, limit, context.RequestAborted);
        return Parse(bytes, options.MaxJsonDepth);
    }

    internal static JsonNode? Parse(ReadOnlyMemory<byte> body, int maxDepth)
    {
        var bytes = body.Span;
        if (bytes.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
            bytes = body.Span;
        }

        if (bytes.IsEmpty || bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw ApiErrors.EmptyBody();
        }

        if (!Utf8.IsValid(bytes))
        {
            throw ApiErrors.InvalidUtf8();
        }

        Scan(bytes, maxDepth);
        try
        {
            return JsonNode.Parse(
                bytes,
                documentOptions: new JsonDocumentOptions { MaxDepth = maxDepth + 1, AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            // The scan accepted the syntax and the depth; what is left is a member given twice.
            throw ApiErrors.DuplicateMember(exception);
        }
    }

    private static void EnsureJsonMediaType(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            throw ApiErrors.UnsupportedMediaType();
        }

        var type = mediaType.MediaType.Value ?? string.Empty;
        var isJson = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
            type.Equals("text/json", StringComparison.OrdinalIgnoreCase) ||
            (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) &&
                type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = mediaType.Charset.Value;
        if (!isJson || (charset is not null &&
            !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase) &&
            !charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase)))
        {
            throw ApiErrors.UnsupportedMediaType();
        }
    }

    internal static async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                throw ApiErrors.TooLarge(limit);
            }
        }
    }

    /// <summary>
    /// Walks the whole document once: syntax errors, excessive depth, and strings that cannot become text (escaped lone
    /// surrogates) are all reported here as 400, before anything else looks at the body.
    /// </summary>
    private static void Scan(ReadOnlySpan<byte> bytes, int maxDepth)
    {
        var reader = new Utf8JsonReader(
            bytes,
            new JsonReaderOptions { MaxDepth = int.MaxValue, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= maxDepth:
                        throw ApiErrors.TooDeep(maxDepth);
                    case JsonTokenType.String or JsonTokenType.PropertyName when reader.ValueIsEscaped:
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw ApiErrors.MalformedJson(exception.LineNumber, exception.BytePositionInLine, exception);
        }
        catch (InvalidOperationException exception)
        {
            throw ApiErrors.MalformedJson(null, null, exception);
        }
    }
}
