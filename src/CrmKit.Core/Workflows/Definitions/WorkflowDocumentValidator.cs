using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Core.Metadata;
using CrmKit.Core.Modules;
using CrmKit.JsonSchema;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Workflows;
using Scriban;
using Scriban.Parsing;

namespace CrmKit.Core.Workflows;

/// <summary>
/// Checks a workflow document: first against the published JSON Schema, then what a schema cannot say — unique step
/// ids, a cron that parses in a known time zone, ISO 8601 offsets, entities and fields that exist now, Scriban that
/// parses, and action and trigger types that are built in or registered by an active plugin.
/// </summary>
internal sealed partial class WorkflowDocumentValidator(IMetadataService metadata, ICrmExtensions extensions)
{
    private const string SchemaResource = "CrmKit.Core.Workflows.workflow.schema.json";
    private static readonly JsonSchemaCompiler Compiler = new();
    private static readonly Lazy<(JsonObject Json, CompiledSchema Compiled)> Published = new(LoadSchema);
    private static readonly ConcurrentDictionary<string, CompiledSchema?> ParameterSchemas = new(StringComparer.Ordinal);
    private static readonly LexerOptions ExpressionLexer = new() { Mode = ScriptMode.ScriptOnly };

    /// <summary>A copy of the published schema.</summary>
    public static JsonObject GetSchema() => (JsonObject)Published.Value.Json.DeepClone();

    /// <summary>Returns every problem of the document; empty when it is valid.</summary>
    public IReadOnlyList<CrmError> Validate(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<CrmError>();
        var schema = Published.Value.Compiled;
        if (!schema.IsValid(document))
        {
            var violations = new List<SchemaViolation>();
            schema.Validate(document, violations);
            foreach (var violation in violations)
            {
                var mapped = Validation.RecordValidator.Map(violation);
                errors.Add(new CrmError(WorkflowErrorCodes.Invalid, violation.Pointer, mapped.Message));
            }

            // The checks below read the document's shape, which only the schema guarantees.
            return errors;
        }

        ValidateTrigger(document["trigger"]!.AsObject(), errors);
        if (document["condition"] is JsonValue condition)
        {
            CheckExpression(condition.GetValue<string>(), "/condition", errors);
        }

        ValidateSteps(document["steps"]!.AsArray(), errors);
        return errors;
    }

    private void ValidateSteps(JsonArray steps, List<CrmError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i]!.AsObject();
            var pointer = "/steps/" + i.ToString(CultureInfo.InvariantCulture);
            var id = step["id"]!.GetValue<string>();
            if (!ids.Add(id))
            {
                errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.DuplicateStep, pointer + "/id", id));
            }

            if (step["condition"] is JsonValue condition)
            {
                CheckExpression(condition.GetValue<string>(), pointer + "/condition", errors);
            }

            var parameters = step["parameters"] as JsonObject ?? [];
            var action = step["action"]!.GetValue<string>();
            if (BuiltInWorkflowActions.All.Contains(action, StringComparer.Ordinal))
            {
                ValidateBuiltInAction(action, parameters, pointer + "/parameters", errors);
            }
            else if (extensions.TryGet<IWorkflowAction>(action, out var plugin))
            {
                CheckParameters(plugin.Descriptor.GetParametersSchema(), parameters, pointer + "/parameters", errors);
            }
            else
            {
                errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.UnknownAction, pointer + "/action", action));
            }

            CheckTemplates(parameters, pointer + "/parameters", errors);
        }
    }

    private void ValidateBuiltInAction(string action, JsonObject parameters, string pointer, List<CrmError> errors)
    {
        CheckParameters(BuiltInActionSchemas.For(action), parameters, pointer, errors);
        if (action == BuiltInWorkflowActions.CreateRecord && parameters["entity"] is JsonValue entity &&
            entity.TryGetValue<string>(out var name) && !name.Contains("{{", StringComparison.Ordinal) &&
            !metadata.GetEntities().Any(e => e.Name == name))
        {
            errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.UnknownEntity, pointer + "/entity", name));
        }

        if (action == BuiltInWorkflowActions.Delay && parameters["duration"] is JsonValue duration &&
            duration.TryGetValue<string>(out var text) && !text.Contains("{{", StringComparison.Ordinal) &&
            !WorkflowDocumentReader.TryParseDuration(text, out _))
        {
            errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.InvalidOffset, pointer + "/duration", text));
        }
    }

    private static void CheckParameters(JsonObject schemaJson, JsonObject parameters, string pointer, List<CrmError> errors)
    {
        var schema = ParameterSchemas.GetOrAdd(schemaJson.ToJsonString(), CompileParameters);
        if (schema is null)
        {
            return;
        }

        var violations = new List<SchemaViolation>();
        schema.Validate(parameters, violations, pointer);
        foreach (var violation in violations)
        {
            errors.Add(new CrmError(WorkflowErrorCodes.Invalid, violation.Pointer, Validation.RecordValidator.Map(violation).Message));
        }
    }

    private static CompiledSchema? CompileParameters(string json)
    {
        try
        {
            return Compiler.Compile(json);
        }
        catch (SchemaDefinitionException)
        {
            // A plugin's parameters schema the validator cannot read checks nothing here; the action sees the values.
            return null;
        }
    }

    /// <summary>Every string inside the parameters is a Scriban template.</summary>
    private static void CheckTemplates(JsonNode? node, string pointer, List<CrmError> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    CheckTemplates(value, pointer + "/" + Escape(name), errors);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckTemplates(array[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), errors);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                CheckScriban(Template.Parse(text), pointer, errors);
                break;
        }
    }

    private static void CheckExpression(string expression, string pointer, List<CrmError> errors) =>
        CheckScriban(Template.Parse(expression, lexerOptions: ExpressionLexer), pointer, errors);

    private static void CheckScriban(Template template, string pointer, List<CrmError> errors)
    {
        if (!template.HasErrors)
        {
            return;
        }

        var first = template.Messages[0];
        errors.Add(WorkflowMessages.Error(
            WorkflowErrorCodes.InvalidExpression, pointer, first.Span.Start.Line + 1, first.Span.Start.Column + 1, first.Message));
    }

    internal static string Escape(string name) =>
        name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static (JsonObject, CompiledSchema) LoadSchema()
    {
        using var stream = typeof(WorkflowDocumentValidator).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"The resource {SchemaResource} is missing.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return (JsonNode.Parse(text)!.AsObject(), Compiler.Compile(text));
    }
}
