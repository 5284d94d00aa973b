using System.Text.Encodings.Web;
using System.Text.Json;

namespace CrmKit.AspNetCore.Json;

/// <summary>The JSON settings every response of the API is written with.</summary>
internal static class ApiJson
{
    /// <summary>The media type of ordinary responses.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The media type of error responses (RFC 7807).</summary>
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    // Responses are application/json, never inlined into HTML, so the relaxed encoder is safe here: Cyrillic stays
    // readable and E.164 phone numbers keep their '+' instead of "\u002B".
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Writer options: compact, readable Unicode.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Encoder, Indented = false };

    /// <summary>Serializer options for problem extension values (camelCase members, as in the rest of the API).</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = Encoder,
    };
}
