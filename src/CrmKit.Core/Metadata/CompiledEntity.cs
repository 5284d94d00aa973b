using CrmKit.Core.Storage;
using CrmKit.JsonSchema;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Metadata;

/// <summary>One metadata version of an entity, ready for work: definition, compiled validator, storage model.</summary>
internal sealed class CompiledEntity
{
    public required EntityDefinition Definition { get; init; }

    public required CompiledSchema Validator { get; init; }

    public required EntityStorageModel Storage { get; init; }

    /// <summary>The field types of the non-system fields, by field name.</summary>
    public required IReadOnlyDictionary<string, IFieldType> FieldTypes { get; init; }

    /// <summary>The non-system fields with their types, in document order (the validation loop walks this).</summary>
    public required IReadOnlyList<(FieldDefinition Field, IFieldType Type)> DataFields { get; init; }

    /// <summary>The lookup fields.</summary>
    public required IReadOnlyList<FieldDefinition> LookupFields { get; init; }

    public string Name => Definition.Name;

    public long Version => Definition.Version;

    /// <summary>The value kind of any field, system fields included.</summary>
    public FieldValueKind KindOf(FieldDefinition field) =>
        field.IsSystem ? SystemFieldSchemas.KindOf(field.Name)
        : FieldTypes.TryGetValue(field.Name, out var type) ? type.Descriptor.ValueKind
        : FieldValueKind.Json;
}
