using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Workflows;

/// <summary>What a workflow action is: the type name workflow definitions use, its label and its parameters.</summary>
public sealed class WorkflowActionDescriptor
{
    private readonly JsonObject _parametersSchema;

    /// <summary>Creates a descriptor.</summary>
    /// <param name="type">
    /// The type name workflow definitions refer to; lower case and dotted, prefixed with the plugin's name for plugin
    /// actions (for example <c>egrul.refresh</c>).
    /// </param>
    /// <param name="displayName">The localized name shown in the workflow editor and the run journal.</param>
    /// <param name="parametersSchema">
    /// The JSON Schema (draft 2020-12) a step's parameters must match; it is copied. Null accepts any object.
    /// </param>
    public WorkflowActionDescriptor(string type, LocalizedText displayName, JsonObject? parametersSchema = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(displayName);
        Type = type;
        DisplayName = displayName;
        _parametersSchema = parametersSchema is null
            ? new JsonObject { ["type"] = "object" }
            : (JsonObject)parametersSchema.DeepClone();
    }

    /// <summary>The type name workflow definitions refer to.</summary>
    public string Type { get; }

    /// <summary>The localized name shown in the workflow editor and the run journal.</summary>
    public LocalizedText DisplayName { get; }

    /// <summary>A localized explanation of what the action does, if any.</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>Returns a copy of the JSON Schema a step's parameters must match.</summary>
    /// <returns>A new JSON object the caller may change.</returns>
    public JsonObject GetParametersSchema() => (JsonObject)_parametersSchema.DeepClone();

    /// <inheritdoc />
    public override string ToString() => Type;
}
