using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.Sdk.Errors;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Problems;

/// <summary>
/// Writes a <see cref="CrmException"/> as RFC 7807 problem details: <c>type</c>, <c>title</c>, <c>status</c>,
/// <c>code</c>, <c>instance</c>, <c>errors</c> (when there are any), the exception's extensions as top-level members,
/// and a <c>traceId</c> on server errors. Texts follow the request's <c>Accept-Language</c>.
/// </summary>
internal sealed class ProblemResult : IResult
{
    private const string TypePrefix = "https://crmkit.dev/problems/";

    private static readonly HashSet<string> ReservedMembers =
        new(["type", "title", "status", "code", "instance", "errors", "traceId"], StringComparer.Ordinal);

    private readonly JsonWriterResult _body;

    /// <summary>Renders the problem for a request: its language, its address and, on server errors, its trace id.</summary>
    public ProblemResult(CrmException exception, HttpContext context)
    {
        StatusCode = StatusOf(exception);
        _body = Render(exception, StatusCode, context);
    }

    public int StatusCode { get; }

    public static int StatusOf(CrmException exception) => exception switch
    {
        ApiProblemException api => api.Status,
        { Code: Core.Files.AttachmentErrors.TooLarge } => StatusCodes.Status413PayloadTooLarge,
        { Code: Core.Files.AttachmentErrors.TypeNotAllowed } => StatusCodes.Status415UnsupportedMediaType,
        _ => exception.Kind switch
        {
            CrmErrorKind.BadRequest => StatusCodes.Status400BadRequest,
            CrmErrorKind.Validation => StatusCodes.Status422UnprocessableEntity,
            CrmErrorKind.NotFound => StatusCodes.Status404NotFound,
            CrmErrorKind.Conflict => StatusCodes.Status409Conflict,
            CrmErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            CrmErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        },
    };

    public Task ExecuteAsync(HttpContext httpContext) => _body.ExecuteAsync(httpContext);

    private static JsonWriterResult Render(CrmException exception, int status, HttpContext context)
    {
        var culture = RequestLanguage.Get(context);
        var instance = context.Request.PathBase.Add(context.Request.Path).ToString();
        var traceId = status >= 500 ? TraceId.Of(context) : null;
        return new JsonWriterResult(
            status,
            writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("type", TypePrefix + exception.Code);
                writer.WriteString("title", exception.Title.Get(culture));
                writer.WriteNumber("status", status);
                writer.WriteString("code", exception.Code);
                writer.WriteString("instance", instance);
                if (exception.Errors.Count > 0)
                {
                    writer.WriteStartArray("errors");
                    foreach (var error in exception.Errors)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("pointer", error.Pointer);
                        writer.WriteString("code", error.Code);
                        writer.WriteString("message", error.Message.Get(culture));
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                foreach (var (name, value) in exception.Extensions)
                {
                    if (!ReservedMembers.Contains(name) && ToNode(value, out var node))
                    {
                        writer.WritePropertyName(name);
                        WriteValue(writer, node);
                    }
                }

                if (traceId is not null)
                {
                    writer.WriteString("traceId", traceId);
                }

                writer.WriteEndObject();
            },
            ApiJson.ProblemContentType);
    }

    /// <summary>Converts an extension value; a value that cannot be serialized is left out rather than failing the answer.</summary>
    private static bool ToNode(object? value, out JsonNode? node)
    {
        try
        {
            node = value switch
            {
                null => null,
                JsonNode json => json,
                _ => JsonSerializer.SerializeToNode(value, value.GetType(), ApiJson.SerializerOptions),
            };
            return true;
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException or InvalidOperationException)
        {
            node = null;
            return false;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }
}
