using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Integrations;

/// <summary>What an accounting exporter writes: its format id, label, file type and settings.</summary>
public sealed class AccountingExporterDescriptor
{
    private readonly JsonObject _settingsSchema;

    /// <summary>Creates a descriptor.</summary>
    /// <param name="format">The format id, unique among exporters, for example <c>commerceml-2.10</c>.</param>
    /// <param name="displayName">The localized name shown to users.</param>
    /// <param name="contentType">The media type of the output, for example <c>application/xml</c>.</param>
    /// <param name="fileExtension">The file extension with its dot, for example <c>.xml</c>.</param>
    /// <param name="settingsSchema">
    /// The JSON Schema (draft 2020-12) the export settings must match; it is copied. Null accepts any object.
    /// </param>
    public AccountingExporterDescriptor(
        string format, LocalizedText displayName, string contentType, string fileExtension, JsonObject? settingsSchema = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileExtension);
        Format = format;
        DisplayName = displayName;
        ContentType = contentType;
        FileExtension = fileExtension;
        _settingsSchema = settingsSchema is null
            ? new JsonObject { ["type"] = "object" }
            : (JsonObject)settingsSchema.DeepClone();
    }

    /// <summary>The format id, unique among exporters.</summary>
    public string Format { get; }

    /// <summary>The localized name shown to users.</summary>
    public LocalizedText DisplayName { get; }

    /// <summary>The media type of the output.</summary>
    public string ContentType { get; }

    /// <summary>The file extension with its dot.</summary>
    public string FileExtension { get; }

    /// <summary>The entities the exporter accepts records of (for example <c>deal</c>, <c>company</c>); empty for any.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    /// <summary>Returns a copy of the JSON Schema the export settings must match.</summary>
    /// <returns>A new JSON object the caller may change.</returns>
    public JsonObject GetSettingsSchema() => (JsonObject)_settingsSchema.DeepClone();

    /// <inheritdoc />
    public override string ToString() => Format;
}
