using System.Globalization;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Audit;
using CrmKit.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// <c>GET /api/records/{entity}/{id}/history[?before=&amp;limit=]</c>: the record's audit trail, newest first. Read-only:
/// the trail has no other endpoint (other methods answer 405).
/// </summary>
internal static class RecordHistoryEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/records/{entity}/{id}/history", GetAsync);

    private static async Task<IResult> GetAsync(HttpContext context, string entity, string id)
    {
        if (!Guid.TryParseExact(id, "D", out var recordId))
        {
            throw ApiErrors.RecordNotFound(entity, id);
        }

        long? before = null;
        if (context.Request.Query["before"] is { Count: > 0 } text)
        {
            before = long.TryParse(text[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ApiProblemException(400, "history.invalid_before", Resources.ApiMessages.Text("history.invalid_before"),
                    [new Sdk.Errors.CrmError("history.invalid_before", "/before", Resources.ApiMessages.Text("history.invalid_before"))]);
        }

        var limit = RecordQueryParameters.ParseLimit(context.Request);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var page = await ApiRequest.GetService<IAuditTrail>(context)
            .GetHistoryAsync(principal, entity, recordId, before, limit, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var entry in page.Items)
            {
                w.WriteStartObject();
                w.WriteNumber("sequence", entry.Sequence);
                w.WriteString("operation", entry.Operation);
                w.WriteString("at", CanonicalInstant.ToText(entry.At));
                w.WriteStartObject("user");
                w.WriteString("id", entry.UserId);
                w.WriteString("name", entry.UserName);
                w.WriteEndObject();
                w.WriteString("channel", entry.Channel);
                w.WriteString("source", entry.Source);
                w.WriteNumber("version", entry.RecordVersion);
                w.WriteStartArray("changes");
                foreach (var change in entry.Changes)
                {
                    w.WriteStartObject();
                    w.WriteString("field", change.Field);
                    if (change.Masked)
                    {
                        w.WriteBoolean("masked", true);
                    }
                    else
                    {
                        w.WritePropertyName("old");
                        WriteValue(w, change.Old);
                        w.WritePropertyName("new");
                        WriteValue(w, change.New);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (page.Before is { } next)
            {
                w.WriteNumber("before", next);
            }
            else
            {
                w.WriteNull("before");
            }

            w.WriteEndObject();
        });
    }

    private static void WriteValue(System.Text.Json.Utf8JsonWriter w, System.Text.Json.Nodes.JsonNode? value)
    {
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            value.WriteTo(w);
        }
    }
}
