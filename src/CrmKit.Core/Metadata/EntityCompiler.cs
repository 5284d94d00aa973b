using System.Text.Json.Nodes;
using CrmKit.Core.Resources;
using CrmKit.Core.Storage;
using CrmKit.JsonSchema;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Metadata;

/// <summary>
/// Turns an entity document into a <see cref="CompiledEntity"/>: normalizes it, reads the CRM semantics and compiles
/// the JSON Schema once into a validator (Newtonsoft.Json.Schema only parses; its capped validator is never used).
/// </summary>
internal sealed class EntityCompiler(IFieldTypeRegistry fieldTypes)
{
    private readonly EntitySchemaNormalizer _normalizer = new(fieldTypes);
    private readonly JsonSchemaCompiler _compiler = new();

    public EntitySchemaNormalizer Normalizer => _normalizer;

    /// <summary>Compiles an entity document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="version">Its metadata version.</param>
    /// <param name="owner">The owning module, marked on a new entity.</param>
    /// <param name="stored">
    /// True when the document's fields were accepted before (stored metadata, or a stored document plus a field that
    /// was normalized on its own): fields of types no longer registered compile as unavailable instead of failing.
    /// </param>
    public CompiledEntity Compile(JsonObject document, long version, string? owner = null, bool stored = false)
    {
        var normalized = _normalizer.Normalize(document, owner, stored);
        normalized[CrmSchemaKeywords.Version] = version;
        CompiledSchema validator;
        try
        {
            validator = _compiler.Compile(normalized.ToJsonString());
        }
        catch (SchemaDefinitionException e)
        {
            var code = e.Code switch
            {
                SchemaErrorCodes.UnsupportedKeyword => "metadata.unsupported_keyword",
                SchemaErrorCodes.UnsupportedFormat => "metadata.unsupported_format",
                _ => "metadata.invalid_schema",
            };
            object arg = e.Code is SchemaErrorCodes.UnsupportedKeyword or SchemaErrorCodes.UnsupportedFormat ? e.Keyword : e.Message;
            throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, code, e.Pointer, arg, e.Pointer);
        }

        var definition = EntitySchemaReader.Read(normalized, version);
        var types = new Dictionary<string, IFieldType>(StringComparer.Ordinal);
        var dataFields = new List<(FieldDefinition, IFieldType)>();
        var storageFields = new List<StorageField>();
        foreach (var field in definition.Fields.Where(f => !f.IsSystem))
        {
            var property = (JsonObject)normalized["properties"]![field.Name]!;
            _normalizer.TryGetType(field.Type, property, stored, out var type);
            types[field.Name] = type;
            dataFields.Add((field, type));
            var kind = type.Descriptor.ValueKind;
            if (kind != FieldValueKind.Json)
            {
                storageFields.Add(new StorageField(field.Name, kind, field.Indexed || field.Lookup is not null, field.Unique));
            }
        }

        return new CompiledEntity
        {
            Definition = definition,
            Validator = validator,
            Storage = new EntityStorageModel(definition.Name, storageFields),
            FieldTypes = types,
            DataFields = dataFields,
            LookupFields = definition.Fields.Where(f => f.Lookup is not null && !f.IsSystem).ToList(),
        };
    }
}
