using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Pipeline;

/// <summary>What a record message is: its name, the entity it applies to, its label and its input.</summary>
public sealed class RecordMessageDescriptor
{
    private readonly JsonObject _inputSchema;

    /// <summary>Creates a descriptor.</summary>
    /// <param name="name">
    /// The message name callers send; unique in the host, lower case and dotted, prefixed with the plugin's name for
    /// plugin messages (for example <c>lead.qualify</c> or <c>acme.loyalty.grant</c>). Letters a–z, digits, <c>.</c>,
    /// <c>_</c> and <c>-</c>.
    /// </param>
    /// <param name="entity">The entity the message applies to; <c>*</c> for every entity.</param>
    /// <param name="displayName">The localized name shown to users.</param>
    /// <param name="inputSchema">
    /// The JSON Schema (draft 2020-12) the input must match; it is copied. Null accepts any object.
    /// </param>
    public RecordMessageDescriptor(string name, string entity, LocalizedText displayName, JsonObject? inputSchema = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        ArgumentNullException.ThrowIfNull(displayName);
        if (!IsValidName(name))
        {
            throw new ArgumentException(
                "A message name is lower case: letters a-z, digits, '.', '_' and '-', starting with a letter.", nameof(name));
        }

        Name = name;
        Entity = entity;
        DisplayName = displayName;
        _inputSchema = inputSchema is null
            ? new JsonObject { ["type"] = "object" }
            : (JsonObject)inputSchema.DeepClone();
    }

    /// <summary>The message name callers send.</summary>
    public string Name { get; }

    /// <summary>The entity the message applies to; <c>*</c> for every entity.</summary>
    public string Entity { get; }

    /// <summary>The localized name shown to users.</summary>
    public LocalizedText DisplayName { get; }

    /// <summary>A localized explanation of what the message does, if any.</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>Returns a copy of the JSON Schema the input must match.</summary>
    /// <returns>A new JSON object the caller may change.</returns>
    public JsonObject GetInputSchema() => (JsonObject)_inputSchema.DeepClone();

    /// <inheritdoc />
    public override string ToString() => Name;

    private static bool IsValidName(string name) =>
        name[0] is >= 'a' and <= 'z' &&
        name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-');
}
