using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Plugins.Egrul.Settings;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Integrations;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CrmKit.Plugins.Egrul.DaData;

/// <summary>
/// Calls DaData's <c>findById/party</c>: <c>POST {base}/suggestions/api/4_1/rs/findById/party</c> with
/// <c>Authorization: Token &lt;key&gt;</c> and <c>{"query": ..., "kpp"?: ..., "branch_type"?: ...}</c>, through the
/// named client whose handler is <see cref="DaDataResilience"/>. Turns every failure into a
/// <see cref="CrmException"/> with a stable code (<see cref="EgrulErrorCodes"/>). The token is put on the request
/// only: it is never logged and never part of an error.
/// </summary>
internal sealed class DaDataClient(IHttpClientFactory httpClientFactory, ILogger<DaDataClient> logger)
{
    /// <summary>The name of the HTTP client (and of its resilience pipeline).</summary>
    public const string HttpClientName = "ru.egrul.dadata";

    /// <summary>The path of the call below the base URL.</summary>
    public const string FindByIdPath = "suggestions/api/4_1/rs/findById/party";

    /// <summary>The largest answer read, in bytes (300 branches of a big company fit many times over).</summary>
    public const int MaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>Asks DaData for the entries of an INN or OGRN.</summary>
    /// <param name="settings">The current settings.</param>
    /// <param name="query">The checked INN or OGRN.</param>
    /// <param name="kpp">The checked KPP, or null.</param>
    /// <param name="branchType">Which subdivisions, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The <c>suggestions</c> array of the answer.</returns>
    public async Task<JsonArray> FindByIdAsync(
        EgrulSettings settings, string query, string? kpp, RegistryBranchType? branchType, CancellationToken cancellationToken)
    {
        if (settings.Token is null || !Uri.TryCreate(settings.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) ||
            baseUri.Scheme is not ("http" or "https"))
        {
            throw EgrulMessages.NotConfigured();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, FindByIdPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", settings.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = new ByteArrayContent(Body(query, kpp, branchType));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        var client = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw EgrulMessages.ProviderDown(
                "recent calls failed, so it is not called for a while (the circuit is open).",
                "последние запросы завершились ошибкой, поэтому обращения к нему временно приостановлены.",
                settings.BreakDuration, e);
        }
        catch (TimeoutRejectedException e)
        {
            throw EgrulMessages.ProviderDown("it did not answer in time.", "он не ответил вовремя.", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw EgrulMessages.ProviderDown("it cannot be reached.", "не удаётся установить соединение.", inner: e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw EgrulMessages.ProviderDown("it did not answer in time.", "он не ответил вовремя.", inner: e);
        }

        using (response)
        {
            EgrulLog.Answered(logger, query, (int)response.StatusCode);
            return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<JsonArray> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw EgrulMessages.Unauthorized(status);
            case HttpStatusCode.TooManyRequests:
                throw EgrulMessages.RateLimited(DaDataResilience.RetryAfter(response));
            case HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError:
                throw EgrulMessages.ProviderDown(
                    $"it answered HTTP {status}.", $"он ответил HTTP {status}.", DaDataResilience.RetryAfter(response));
            case < HttpStatusCode.OK or >= HttpStatusCode.MultipleChoices:
                throw EgrulMessages.BadResponse($"it refused the request with HTTP {status}.", $"он отклонил запрос с HTTP {status}.");
        }

        JsonNode? document;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            document = JsonNode.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw EgrulMessages.BadResponse("it is not JSON.", "это не JSON.", e);
        }
        catch (HttpRequestException e)
        {
            throw EgrulMessages.ProviderDown("the answer broke off or is too large.", "ответ оборвался или слишком велик.", inner: e);
        }

        if (document is not JsonObject { } answer || answer["suggestions"] is not JsonArray suggestions)
        {
            throw EgrulMessages.BadResponse("it has no \"suggestions\" list.", "в нём нет списка \"suggestions\".");
        }

        return suggestions;
    }

    private static byte[] Body(string query, string? kpp, RegistryBranchType? branchType)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("query", query);
            if (kpp is not null)
            {
                writer.WriteString("kpp", kpp);
            }

            if (branchType is { } type)
            {
                writer.WriteString("branch_type", type == RegistryBranchType.HeadOffice ? "MAIN" : "BRANCH");
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
