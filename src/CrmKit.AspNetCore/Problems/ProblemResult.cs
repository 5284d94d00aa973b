using System.Diagnostics;
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

    private readonly CrmException _exception;

    public ProblemResult(CrmException exception)
    {
        _exception = exception;
        StatusCode = StatusOf(exception);
    }

    public int StatusCode { get; }

    public static int StatusOf(CrmException exception) => exception switch
    {
        ApiProblemException api => api.Status,
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

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var culture = RequestLanguage.Get(httpContext);
        var instance = httpContext.Request.PathBase.Add(httpContext.Request.Path).ToString();
        var traceId = StatusCode >= 500 ? Activity.Current?.Id ?? httpContext.TraceIdentifier : null;
        var exception = _exception;
        var status = StatusCode;

        var body = new JsonWriterResult(
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
                    if (!ReservedMembers.Contains(name))
                    {
                        writer.WritePropertyName(name);
                        WriteValue(writer, value);
                    }
                }

                if (traceId is not null)
                {
                    writer.WriteString("traceId", traceId);
                }

                writer.WriteEndObject();
            },
            ApiJson.ProblemContentType);
        return body.ExecuteAsync(httpContext);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), ApiJson.SerializerOptions);
                break;
        }
    }
}
