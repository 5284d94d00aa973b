using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Messaging;

/// <summary>What a messaging channel type is: its name, label and the settings each instance has.</summary>
public sealed class MessageChannelDescriptor
{
    private readonly JsonObject _settingsSchema;

    /// <summary>Creates a descriptor.</summary>
    /// <param name="channelType">The channel type name, unique among channels, for example <c>telegram</c>.</param>
    /// <param name="displayName">The localized name shown to users.</param>
    /// <param name="settingsSchema">
    /// The JSON Schema (draft 2020-12) an instance's settings must match; it is copied. Mark secrets (tokens, webhook
    /// secrets) with <c>"writeOnly": true</c>: the host then never returns or logs them. Null accepts any object.
    /// </param>
    public MessageChannelDescriptor(string channelType, LocalizedText displayName, JsonObject? settingsSchema = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelType);
        ArgumentNullException.ThrowIfNull(displayName);
        ChannelType = channelType;
        DisplayName = displayName;
        _settingsSchema = settingsSchema is null
            ? new JsonObject { ["type"] = "object" }
            : (JsonObject)settingsSchema.DeepClone();
    }

    /// <summary>The channel type name, unique among channels.</summary>
    public string ChannelType { get; }

    /// <summary>The localized name shown to users.</summary>
    public LocalizedText DisplayName { get; }

    /// <summary>Returns a copy of the JSON Schema an instance's settings must match.</summary>
    /// <returns>A new JSON object the caller may change.</returns>
    public JsonObject GetSettingsSchema() => (JsonObject)_settingsSchema.DeepClone();

    /// <inheritdoc />
    public override string ToString() => ChannelType;
}
