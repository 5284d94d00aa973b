using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Workflows;

/// <summary>
/// What a workflow trigger is: the type name workflow definitions and <see cref="WorkflowEvent.TriggerType"/> use, its
/// label and the parameters a workflow may set on it.
/// </summary>
public sealed class WorkflowTriggerDescriptor
{
    private readonly JsonObject _parametersSchema;

    /// <summary>Creates a descriptor.</summary>
    /// <param name="type">
    /// The trigger type name; lower case and dotted, prefixed with the plugin's name for plugin triggers (for example
    /// <c>telephony.call_missed</c>).
    /// </param>
    /// <param name="displayName">The localized name shown in the workflow editor.</param>
    /// <param name="parametersSchema">
    /// The JSON Schema (draft 2020-12) a workflow's trigger parameters must match; it is copied. Null accepts any
    /// object.
    /// </param>
    public WorkflowTriggerDescriptor(string type, LocalizedText displayName, JsonObject? parametersSchema = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(displayName);
        Type = type;
        DisplayName = displayName;
        _parametersSchema = parametersSchema is null
            ? new JsonObject { ["type"] = "object" }
            : (JsonObject)parametersSchema.DeepClone();
    }

    /// <summary>The trigger type name.</summary>
    public string Type { get; }

    /// <summary>The localized name shown in the workflow editor.</summary>
    public LocalizedText DisplayName { get; }

    /// <summary>A localized explanation of when the trigger fires, if any.</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>Returns a copy of the JSON Schema a workflow's trigger parameters must match.</summary>
    /// <returns>A new JSON object the caller may change.</returns>
    public JsonObject GetParametersSchema() => (JsonObject)_parametersSchema.DeepClone();

    /// <inheritdoc />
    public override string ToString() => Type;
}
