using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.Egrul.Settings;

/// <summary>
/// The plugin's settings as the code uses them, read from <see cref="IModuleSettings"/> at each use so that a save
/// through <c>PUT /api/plugins/ru.egrul/settings</c> applies at once. The schema is <see cref="EgrulSettingsSchema"/>.
/// </summary>
internal sealed class EgrulSettings
{
    public const string DefaultBaseUrl = "https://suggestions.dadata.ru";

    /// <summary>The DaData address (scheme, host, optional port and path prefix).</summary>
    public required string BaseUrl { get; init; }

    /// <summary>The API key; never returned by the API, never logged.</summary>
    public string? Token { get; init; }

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public int MaxRetries { get; init; } = 2;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromHours(24);

    public int CacheMaxEntries { get; init; } = 10_000;

    public bool Autofill { get; init; } = true;

    public TimeSpan AutofillTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads the current settings.</summary>
    /// <param name="settings">The plugin's settings.</param>
    /// <returns>The values, defaults filled in.</returns>
    public static EgrulSettings Read(IModuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var values = settings.GetCurrent();
        return new EgrulSettings
        {
            BaseUrl = Text(values, EgrulSettingsSchema.BaseUrl) ?? DefaultBaseUrl,
            Token = Text(values, EgrulSettingsSchema.Token),
            AttemptTimeout = TimeSpan.FromSeconds(Number(values, EgrulSettingsSchema.AttemptTimeoutSeconds, 5)),
            TotalTimeout = TimeSpan.FromSeconds(Number(values, EgrulSettingsSchema.TotalTimeoutSeconds, 15)),
            MaxRetries = (int)Number(values, EgrulSettingsSchema.MaxRetries, 2),
            RetryBaseDelay = TimeSpan.FromMilliseconds(Number(values, EgrulSettingsSchema.RetryBaseDelayMilliseconds, 500)),
            MaxRetryAfter = TimeSpan.FromSeconds(Number(values, EgrulSettingsSchema.MaxRetryAfterSeconds, 10)),
            BreakDuration = TimeSpan.FromSeconds(Number(values, EgrulSettingsSchema.BreakDurationSeconds, 30)),
            CacheDuration = TimeSpan.FromMinutes(Number(values, EgrulSettingsSchema.CacheMinutes, 1440)),
            CacheMaxEntries = (int)Number(values, EgrulSettingsSchema.CacheMaxEntries, 10_000),
            AutofillTimeout = TimeSpan.FromSeconds(Number(values, EgrulSettingsSchema.AutofillTimeoutSeconds, 5)),
            Autofill = values[EgrulSettingsSchema.Autofill] is not JsonValue autofill ||
                       autofill.GetValueKind() != JsonValueKind.False,
        };
    }

    private static string? Text(JsonObject values, string name) =>
        values[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
            ? text
            : null;

    private static double Number(JsonObject values, string name, double fallback) =>
        values[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;
}
