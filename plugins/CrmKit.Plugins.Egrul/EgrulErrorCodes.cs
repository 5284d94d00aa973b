namespace CrmKit.Plugins.Egrul;

/// <summary>The stable codes of the plugin's errors (docs/integrations/egrul.md: what each means, what to do).</summary>
public static class EgrulErrorCodes
{
    /// <summary>The INN, OGRN or KPP fails its check; nothing was sent (400). The reason is in the errors.</summary>
    public const string InvalidId = "egrul.invalid_id";

    /// <summary>No DaData token is set, or the base URL is not an http(s) address (503).</summary>
    public const string NotConfigured = "egrul.not_configured";

    /// <summary>DaData refused the token (HTTP 401 or 403) (503).</summary>
    public const string Unauthorized = "egrul.unauthorized";

    /// <summary>DaData limits the requests (HTTP 429, after the retries) (503, with <c>retryAfter</c>).</summary>
    public const string RateLimited = "egrul.rate_limited";

    /// <summary>DaData is down: 5xx, a timeout, a refused connection, or the circuit is open after repeated failures (503).</summary>
    public const string ProviderUnavailable = "egrul.provider_unavailable";

    /// <summary>DaData answered with something that is not a findById/party answer, or refused the request itself (503).</summary>
    public const string BadResponse = "egrul.bad_response";
}
