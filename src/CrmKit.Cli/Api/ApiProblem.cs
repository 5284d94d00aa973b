using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Cli.Output;

namespace CrmKit.Cli.Api;

/// <summary>
/// An error answer of the server: an RFC 7807 problem document (docs/rest-api.md, "Errors"), or what could be
/// made of an answer that is not one (a proxy's HTML page, an empty body).
/// </summary>
internal sealed class ApiProblem
{
    public required int Status { get; init; }

    /// <summary>The stable error code, or <c>http.&lt;status&gt;</c> when the answer carried none.</summary>
    public required string Code { get; init; }

    public required string Title { get; init; }

    public string? Detail { get; init; }

    public string? TraceId { get; init; }

    public IReadOnlyList<ApiProblemError> Errors { get; init; } = [];

    /// <summary>For <c>metadata.records_violate_change</c>: how many records violate the change.</summary>
    public long? ViolationCount { get; init; }

    /// <summary>For <c>metadata.records_violate_change</c>: the first ids of the violating records.</summary>
    public IReadOnlyList<string> ViolationRecordIds { get; init; } = [];

    /// <summary>For <c>record.version_conflict</c>: the version the record is at now.</summary>
    public long? CurrentVersion { get; init; }

    /// <summary>For <c>record.referenced</c>: the records that still refer to the record.</summary>
    public ApiProblemReferences? References { get; init; }

    /// <summary>The problem document as received, or null when the body was not JSON.</summary>
    public JsonNode? Document { get; init; }

    public static ApiProblem FromResponse(HttpStatusCode status, string? reasonPhrase, string? body)
    {
        var statusCode = (int)status;
        JsonObject? document = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                document = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
                // Not a problem document (for example a proxy's HTML page); described from the status below.
            }
        }

        if (document is null)
        {
            return new ApiProblem
            {
                Status = statusCode,
                Code = $"http.{statusCode}",
                Title = string.IsNullOrEmpty(reasonPhrase) ? $"HTTP {statusCode}" : reasonPhrase,
                Detail = FirstLine(body),
            };
        }

        var violations = document["violations"] as JsonObject;
        var references = document["references"] as JsonObject;
        return new ApiProblem
        {
            Status = statusCode,
            Code = JsonText.GetString(document, "code") ?? $"http.{statusCode}",
            Title = JsonText.GetString(document, "title") ?? reasonPhrase ?? $"HTTP {statusCode}",
            Detail = JsonText.GetString(document, "detail"),
            TraceId = JsonText.GetString(document, "traceId"),
            Errors = ReadErrors(document["errors"]),
            ViolationCount = GetLong(violations?["count"]),
            ViolationRecordIds = GetStrings(violations?["recordIds"]),
            CurrentVersion = GetLong(document["currentVersion"]),
            References = references is null
                ? null
                : new ApiProblemReferences(
                    JsonText.GetString(references, "entity"),
                    JsonText.GetString(references, "field"),
                    GetLong(references["count"]),
                    GetStrings(references["recordIds"])),
            Document = document,
        };
    }

    private static List<ApiProblemError> ReadErrors(JsonNode? errors)
    {
        if (errors is not JsonArray array)
        {
            return [];
        }

        return
        [
            .. array.OfType<JsonObject>().Select(e => new ApiProblemError(
                JsonText.GetString(e, "pointer"),
                JsonText.GetString(e, "code"),
                JsonText.GetString(e, "message"))),
        ];
    }

    private static long? GetLong(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    private static IReadOnlyList<string> GetStrings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(JsonText.ToCell)] : [];

    private static string? FirstLine(string? body)
    {
        var line = body?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        return line is null ? null : TextWidth.Truncate(line, 200);
    }
}
