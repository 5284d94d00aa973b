using System.Text;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Messaging;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// Message channel instances (<c>CrmKit:Channels</c>, docs/integrations/):
/// <c>GET|POST|OPTIONS /api/channels/{instance}/webhook</c>, anonymous — the instance's channel authenticates the caller
/// (a secret header or field, a form token) and the host stores the messages it normalized before answering — and
/// <c>POST /api/channels/{instance}/messages</c>, authenticated, which sends a message and records it as an outbound
/// activity of the caller.
/// </summary>
internal static class ChannelEndpoints
{
    public const string WebhookPattern = "/api/channels/{instance}/webhook";
    public const string MessagesPattern = "/api/channels/{instance}/messages";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(WebhookPattern, [HttpMethods.Get, HttpMethods.Post, HttpMethods.Options], (Func<HttpContext, string, Task>)WebhookAsync)
            .AllowAnonymous();
        endpoints.MapPost(MessagesPattern, (Func<HttpContext, string, Task<IResult>>)SendAsync);
    }

    private static async Task WebhookAsync(HttpContext context, string instance)
    {
        var host = ApiRequest.GetService<ChannelHost>(context);
        _ = host.GetInstance(instance); // 404 channel.not_found before reading the body
        var limit = ApiRequest.GetService<IOptions<CrmKitApiOptions>>(context).Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw ApiErrors.TooLarge(limit);
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var body = await JsonBodyReader.ReadLimitedAsync(context.Request.Body, limit, context.RequestAborted);
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in context.Request.Query)
        {
            query[key] = value.FirstOrDefault() ?? "";
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in context.Request.Headers)
        {
            headers[key] = value.ToString();
        }

        var outcome = await host.ReceiveAsync(new ChannelWebhookRequest
        {
            InstanceId = instance,
            Method = context.Request.Method,
            Headers = headers,
            Query = query,
            Body = body,
            RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
            Services = context.RequestServices,
        }, context.RequestAborted);
        var result = outcome.Result;
        context.Response.StatusCode = result.StatusCode;
        foreach (var (name, value) in result.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (result.Body is { } text)
        {
            context.Response.ContentType = result.ContentType;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
        }
    }

    private static async Task<IResult> SendAsync(HttpContext context, string instance)
    {
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var json = await ApiRequest.ReadJsonAsync(context) as JsonObject ?? throw Invalid("", "a JSON object is required");
        var to = Text(json, "to") ?? throw Invalid("/to", "the conversation id is required");
        var text = Text(json, "text") ?? throw Invalid("/text", "the text is required");
        var lead = Id(json, "lead");
        var contact = Id(json, "contact");
        var key = Text(json, "idempotencyKey") ?? Guid.NewGuid().ToString("N");
        var host = ApiRequest.GetService<ChannelHost>(context);
        var sent = await host.SendAndRecordAsync(
            instance, new OutboundMessage { ConversationId = to, Text = text, ReplyToMessageId = Text(json, "replyTo") },
            principal, key, lead, contact, context.RequestServices, context.RequestAborted);
        if (!sent.Result.Succeeded)
        {
            throw new ApiProblemException(502, "channel.send_failed", LocalizedText.Of(
                "The channel did not accept the message: " + sent.Result.Error, "Канал не принял сообщение: " + sent.Result.Error));
        }

        return Results.Json(new JsonObject
        {
            ["messageId"] = sent.Result.ExternalMessageId,
            ["activity"] = sent.ActivityId?.ToString(),
        }, statusCode: 201);
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static Guid? Id(JsonObject json, string name) =>
        Text(json, name) is not { } text ? null : Guid.TryParse(text, out var id) ? id : throw Invalid("/" + name, "not a record id");

    private static ApiProblemException Invalid(string pointer, string detail) =>
        new(422, "channel.invalid_message", LocalizedText.Of("Invalid message: " + detail, "Неверное сообщение: " + detail),
            [new Sdk.Errors.CrmError("channel.invalid_message", pointer, LocalizedText.Of(detail))]);
}
