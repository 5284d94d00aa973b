using System.Text.Json.Nodes;

namespace CrmKit.Plugins.Egrul.Settings;

/// <summary>The JSON Schema of the plugin's settings (docs/integrations/egrul.md describes each).</summary>
internal static class EgrulSettingsSchema
{
    public const string BaseUrl = "baseUrl";
    public const string Token = "token";
    public const string AttemptTimeoutSeconds = "attemptTimeoutSeconds";
    public const string TotalTimeoutSeconds = "totalTimeoutSeconds";
    public const string MaxRetries = "maxRetries";
    public const string RetryBaseDelayMilliseconds = "retryBaseDelayMilliseconds";
    public const string MaxRetryAfterSeconds = "maxRetryAfterSeconds";
    public const string BreakDurationSeconds = "breakDurationSeconds";
    public const string CacheMinutes = "cacheMinutes";
    public const string CacheMaxEntries = "cacheMaxEntries";
    public const string Autofill = "autofill";
    public const string AutofillTimeoutSeconds = "autofillTimeoutSeconds";

    /// <summary>Builds the schema.</summary>
    public static JsonObject Create() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            [BaseUrl] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = "^https?://[^\\s]+$",
                ["default"] = EgrulSettings.DefaultBaseUrl,
                ["description"] = "DaData address; requests go to {baseUrl}/suggestions/api/4_1/rs/findById/party.",
            },
            [Token] = new JsonObject
            {
                ["type"] = "string",
                ["writeOnly"] = true,
                ["description"] = "DaData API key (secret: stored encrypted, never returned, never logged).",
            },
            [AttemptTimeoutSeconds] = Number(5, 0.05, 120, "Timeout of one HTTP attempt."),
            [TotalTimeoutSeconds] = Number(15, 0.1, 600, "Timeout of a lookup, all retries included."),
            [MaxRetries] = Integer(2, 0, 10, "Retries after a 5xx, 408, 429, timeout or connection failure (exponential backoff with jitter)."),
            [RetryBaseDelayMilliseconds] = Integer(500, 0, 60_000, "First retry delay; each next one doubles."),
            [MaxRetryAfterSeconds] = Number(10, 0, 600, "The longest Retry-After of a 429 or 503 that is waited for; a longer one fails the lookup at once."),
            [BreakDurationSeconds] = Number(30, 0.5, 3600, "How long the circuit stays open (no calls) after most recent calls failed."),
            [CacheMinutes] = Number(1440, 0, 525_600, "How long answers are cached; 0 turns the cache off."),
            [CacheMaxEntries] = Integer(10_000, 0, 1_000_000, "The most answers kept in the cache."),
            [Autofill] = new JsonObject
            {
                ["type"] = "boolean",
                ["default"] = true,
                ["description"] = "Fill a company saved with an INN and no name from the registry.",
            },
            [AutofillTimeoutSeconds] = Number(5, 0.05, 120, "How long a save waits for the registry before it saves the company as pending (filled later)."),
        },
        ["additionalProperties"] = false,
    };

    private static JsonObject Number(double value, double minimum, double maximum, string description) => new()
    {
        ["type"] = "number",
        ["minimum"] = minimum,
        ["maximum"] = maximum,
        ["default"] = value,
        ["description"] = description,
    };

    private static JsonObject Integer(int value, int minimum, int maximum, string description) => new()
    {
        ["type"] = "integer",
        ["minimum"] = minimum,
        ["maximum"] = maximum,
        ["default"] = value,
        ["description"] = description,
    };
}
