using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CrmKit.Core.Workflows.Engine;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Workflows.Actions;

/// <summary>
/// <c>webhook</c>: POSTs a JSON body (<c>body</c>, or the run, step and record) to <c>url</c>, signed with
/// <see cref="WorkflowWebhookSignature"/> using <c>secret</c> or the configured secret named by <c>secretSetting</c>,
/// with the step's idempotency key. 5xx, 408 and 429 are retried by the outbox; other errors fail the step.
/// </summary>
internal sealed class WebhookAction(IOptions<WorkflowEngineOptions> options, TimeProvider clock) : IBuiltInWorkflowAction, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = options.Value.WebhookTimeout,
    };

    public string Type => BuiltInWorkflowActions.Webhook;

    public bool Transactional => false;

    public async Task<WorkflowStepOutcome> ExecuteAsync(WorkflowStepContext context, CancellationToken cancellationToken)
    {
        var url = context.RequiredString("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.BadParameter, "url", url);
        }

        var secret = context.String("secret") ??
            (context.String("secretSetting") is { } name && options.Value.WebhookSecrets.TryGetValue(name, out var configured) ? configured : null)
            ?? throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.BadParameter, "secret", "secret or a configured secretSetting is required");
        var body = (context.Parameters["body"] ?? DefaultBody(context)).ToJsonString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WorkflowWebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WorkflowWebhookSignature.SignatureHeader, WorkflowWebhookSignature.Compute(secret, timestamp, body));
        request.Headers.Add(WorkflowWebhookSignature.IdempotencyKeyHeader, context.IdempotencyKey);
        using var response = await _http.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var retryable = status >= 500 || status is 408 or 429;
            throw new WorkflowStepException(WorkflowRunErrorCodes.WebhookFailed,
                WorkflowRunMessages.Text(WorkflowRunErrorCodes.WebhookFailed, uri.GetLeftPart(UriPartial.Path), status).ToString(),
                retryable, response.Headers.RetryAfter?.Delta);
        }

        return new WorkflowStepOutcome(new JsonObject { ["url"] = uri.GetLeftPart(UriPartial.Path), ["status"] = status });
    }

    public void Dispose() => _http.Dispose();

    private static JsonObject DefaultBody(WorkflowStepContext context) => new()
    {
        ["workflow"] = context.Workflow.Name,
        ["version"] = context.Workflow.Version,
        ["runId"] = context.Run.Id.ToString("D"),
        ["step"] = context.Step.Id,
        ["record"] = context.Record is { } r
            ? new JsonObject { ["entity"] = r.Entity, ["id"] = r.Id.ToString("D"), ["values"] = r.Values.DeepClone() }
            : null,
    };
}
