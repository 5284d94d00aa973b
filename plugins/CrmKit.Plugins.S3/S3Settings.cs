using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.S3;

/// <summary>
/// The plugin's settings (<c>PUT /api/plugins/files.s3/settings</c>): the JSON Schema and how it becomes
/// <see cref="S3StoreOptions"/>. The secret key is write-only: stored encrypted, never returned.
/// </summary>
internal static class S3Settings
{
    public const string ServiceUrl = "serviceUrl";
    public const string Bucket = "bucket";
    public const string AccessKey = "accessKey";
    public const string SecretKey = "secretKey";
    public const string Region = "region";
    public const string Prefix = "prefix";
    public const string ForcePathStyle = "forcePathStyle";
    public const string PartSizeMiB = "partSizeMiB";
    public const string RequestTimeoutSeconds = "requestTimeoutSeconds";

    public static JsonObject Schema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            [ServiceUrl] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = "^https?://[^\\s]+$",
                ["description"] = "The S3 endpoint, for example https://s3.eu-central-1.amazonaws.com or http://minio:9000.",
            },
            [Bucket] = new JsonObject { ["type"] = "string", ["minLength"] = 3, ["maxLength"] = 63, ["description"] = "The bucket (it must exist)." },
            [AccessKey] = new JsonObject { ["type"] = "string", ["description"] = "The access key id." },
            [SecretKey] = new JsonObject
            {
                ["type"] = "string",
                ["writeOnly"] = true,
                ["description"] = "The secret access key (stored encrypted, never returned, never logged).",
            },
            [Region] = new JsonObject { ["type"] = "string", ["default"] = "us-east-1", ["description"] = "The signing region." },
            [Prefix] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = "^([A-Za-z0-9._-]+/)*$",
                ["default"] = "",
                ["description"] = "Prepended to every object key (ends with '/'), so that installations can share a bucket.",
            },
            [ForcePathStyle] = new JsonObject { ["type"] = "boolean", ["default"] = true, ["description"] = "Path-style addresses (MinIO, emulators)." },
            [PartSizeMiB] = new JsonObject
            {
                ["type"] = "integer",
                ["minimum"] = 5,
                ["maximum"] = 512,
                ["default"] = 8,
                ["description"] = "Upload part size; one upload holds one part in memory.",
            },
            [RequestTimeoutSeconds] = new JsonObject
            {
                ["type"] = "integer",
                ["minimum"] = 1,
                ["maximum"] = 3600,
                ["default"] = 300,
                ["description"] = "How long one request may take before the store counts as unavailable.",
            },
        },
        ["additionalProperties"] = false,
    };

    /// <summary>The options; null while the required settings are missing.</summary>
    public static S3StoreOptions? Read(IModuleSettings settings)
    {
        var values = settings.GetCurrent();
        var url = Text(values, ServiceUrl);
        var bucket = Text(values, Bucket);
        var accessKey = Text(values, AccessKey);
        var secretKey = Text(values, SecretKey);
        if (url is null || bucket is null || accessKey is null || secretKey is null || !Uri.TryCreate(url, UriKind.Absolute, out var serviceUrl))
        {
            return null;
        }

        return new S3StoreOptions
        {
            ServiceUrl = serviceUrl,
            Bucket = bucket,
            AccessKey = accessKey,
            SecretKey = secretKey,
            Region = Text(values, Region) ?? "us-east-1",
            Prefix = Text(values, Prefix) ?? "",
            ForcePathStyle = values[ForcePathStyle] is not JsonValue style || style.GetValueKind() != JsonValueKind.False,
            PartSize = (int)Number(values, PartSizeMiB, 8) * 1024 * 1024,
            RequestTimeout = TimeSpan.FromSeconds(Number(values, RequestTimeoutSeconds, 300)),
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
