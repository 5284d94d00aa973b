using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.WebDav;

/// <summary>
/// The plugin's settings (<c>PUT /api/plugins/files.webdav/settings</c>): the JSON Schema and how it becomes
/// <see cref="WebDavStoreOptions"/>. The password is write-only: stored encrypted, never returned.
/// </summary>
internal static class WebDavSettings
{
    public const string BaseUrl = "baseUrl";
    public const string UserName = "userName";
    public const string Password = "password";
    public const string ConnectTimeoutSeconds = "connectTimeoutSeconds";
    public const string RequestTimeoutSeconds = "requestTimeoutSeconds";

    public static JsonObject Schema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            [BaseUrl] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = "^https?://[^\\s]+/$",
                ["description"] = "The collection that holds the files, ending with '/', for example https://dav.example.com/crm/.",
            },
            [UserName] = new JsonObject { ["type"] = "string", ["description"] = "The user for HTTP Basic authentication (none when empty)." },
            [Password] = new JsonObject
            {
                ["type"] = "string",
                ["writeOnly"] = true,
                ["description"] = "The password (stored encrypted, never returned, never logged).",
            },
            [ConnectTimeoutSeconds] = Integer(10, 1, 300, "How long connecting may take before the store counts as unavailable."),
            [RequestTimeoutSeconds] = Integer(300, 1, 86_400, "How long one request may take before the store counts as unavailable."),
        },
        ["additionalProperties"] = false,
    };

    /// <summary>The options; null while the address is missing.</summary>
    public static WebDavStoreOptions? Read(IModuleSettings settings)
    {
        var values = settings.GetCurrent();
        if (Text(values, BaseUrl) is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var baseUrl))
        {
            return null;
        }

        return new WebDavStoreOptions
        {
            BaseUrl = baseUrl,
            UserName = Text(values, UserName),
            Password = Text(values, Password),
            ConnectTimeout = TimeSpan.FromSeconds(Number(values, ConnectTimeoutSeconds, 10)),
            RequestTimeout = TimeSpan.FromSeconds(Number(values, RequestTimeoutSeconds, 300)),
        };
    }

    private static JsonObject Integer(int value, int minimum, int maximum, string description) => new()
    {
        ["type"] = "integer",
        ["minimum"] = minimum,
        ["maximum"] = maximum,
        ["default"] = value,
        ["description"] = description,
    };

    private static string? Text(JsonObject values, string name) =>
        values[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
            ? text
            : null;

    private static double Number(JsonObject values, string name, double fallback) =>
        values[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;
}
