using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CrmKit.Core.Resources;
using CrmKit.Core.Validation;
using CrmKit.JsonSchema;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Pipeline;

namespace CrmKit.Core.Pipeline;

/// <summary>
/// Validates a message's input against its descriptor's JSON Schema. The compiled schema is cached per descriptor
/// instance, weakly, so it goes away with an unloaded plugin's handler.
/// </summary>
internal static class RecordMessageInput
{
    private static readonly JsonSchemaCompiler Compiler = new();
    private static readonly ConditionalWeakTable<RecordMessageDescriptor, CompiledSchema> Schemas = new();

    /// <summary>Throws a validation error (422) listing each violation by its pointer into the input.</summary>
    public static void Validate(RecordMessageDescriptor descriptor, string owner, JsonObject input)
    {
        var schema = Schemas.GetValue(descriptor, d => Compile(d, owner));
        if (schema.IsValid(input))
        {
            return;
        }

        var violations = new List<SchemaViolation>();
        schema.Validate(input, violations);
        throw CoreMessages.Validation([.. violations.Select(RecordValidator.Map)]);
    }

    private static CompiledSchema Compile(RecordMessageDescriptor descriptor, string owner)
    {
        try
        {
            return Compiler.Compile(descriptor.GetInputSchema().ToJsonString());
        }
        catch (SchemaDefinitionException e)
        {
            // The plugin's own mistake: name it, as a failing handler would be named.
            var failure = CoreMessages.Exception(CrmErrorKind.BadRequest, "record.message_failed", owner, descriptor.Name, e.Message);
            failure.Extensions["message"] = descriptor.Name;
            failure.Extensions["module"] = owner;
            throw failure;
        }
    }
}
