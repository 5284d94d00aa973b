using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.JsonSchema.Internal;

namespace CrmKit.JsonSchema;

/// <summary>
/// A JSON Schema compiled by <see cref="JsonSchemaCompiler"/> into a reusable validator over
/// <see cref="System.Text.Json.Nodes.JsonNode"/> instances. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// A JSON <c>null</c> is passed as a C# <see langword="null"/>. Values may be parsed (<c>JsonNode.Parse</c>) or built
/// from CLR values (<c>JsonValue.Create(5L)</c>, <c>JsonValue.Create(1.5m)</c>); numbers are compared exactly as
/// decimals whenever they fit one.
/// </remarks>
public sealed partial class CompiledSchema
{
    private readonly bool _isFalse;
    private readonly SchemaTypes _types;
    private readonly bool _integerOnly;
    private readonly string? _typeNames;
    private readonly ValueConstraints? _values;
    private readonly StringConstraints? _strings;
    private readonly NumberConstraints? _numbers;
    private readonly ObjectConstraints? _objects;
    private readonly ArrayConstraints? _arrays;

    internal CompiledSchema(bool accepts)
    {
        _isFalse = !accepts;
        _types = SchemaTypes.Any;
    }

    internal CompiledSchema(
        SchemaTypes types,
        string? typeNames,
        ValueConstraints? values,
        StringConstraints? strings,
        NumberConstraints? numbers,
        ObjectConstraints? objects,
        ArrayConstraints? arrays)
    {
        _types = types;
        _integerOnly = (types & SchemaTypes.Integer) != 0 && (types & SchemaTypes.Number) == 0;
        _typeNames = typeNames;
        _values = values;
        _strings = strings;
        _numbers = numbers;
        _objects = objects;
        _arrays = arrays;
    }

    /// <summary>Gets the names listed by the schema's <c>required</c> keyword (empty when there is none).</summary>
    public IReadOnlyList<string> Required => _objects?.Required ?? [];

    /// <summary>
    /// Returns the compiled subschema that the schema's <c>properties</c> keyword declares for a property, for checking
    /// one field on its own.
    /// </summary>
    /// <param name="name">The property name (case-sensitive).</param>
    /// <returns>The property's schema, or <see langword="null"/> when <c>properties</c> does not declare it.</returns>
    public CompiledSchema? GetProperty(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _objects?.GetProperty(name);
    }

    /// <summary>
    /// Returns whether an instance is valid, stopping at the first failed assertion. Does not allocate for parsed
    /// numbers, booleans, nulls, objects and arrays, nor for CLR-backed strings.
    /// </summary>
    /// <param name="instance">The instance; <see langword="null"/> stands for JSON <c>null</c>.</param>
    /// <returns><see langword="true"/> when every assertion holds.</returns>
    public bool IsValid(JsonNode? instance)
    {
        if (_isFalse)
        {
            return false;
        }

        var kind = JsonKinds.Of(instance);
        if (_values is not null && !_values.IsValid(instance, kind))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.String:
                return (_types & SchemaTypes.String) != 0
                    && (_strings is null || _strings.IsValid(JsonKinds.GetString(instance!)));
            case JsonValueKind.Number:
                if ((_types & (SchemaTypes.Number | SchemaTypes.Integer)) == 0)
                {
                    return false;
                }

                if (!_integerOnly && _numbers is null)
                {
                    return true;
                }

                var number = JsonNumber.Read(instance!);
                return (!_integerOnly || number.IsInteger) && (_numbers is null || _numbers.IsValid(number));
            case JsonValueKind.Object:
                return (_types & SchemaTypes.Object) != 0 && (_objects is null || _objects.IsValid(JsonKinds.AsObject(instance!)));
            case JsonValueKind.Array:
                return (_types & SchemaTypes.Array) != 0 && (_arrays is null || _arrays.IsValid(JsonKinds.AsArray(instance!)));
            case JsonValueKind.True:
            case JsonValueKind.False:
                return (_types & SchemaTypes.Boolean) != 0;
            default:
                return (_types & SchemaTypes.Null) != 0;
        }
    }

    /// <summary>
    /// Validates an instance and adds every violation found (every failing property and keyword, not just the first)
    /// to <paramref name="violations"/>. Adds nothing, and allocates nothing, when the instance is valid.
    /// </summary>
    /// <param name="instance">The instance; <see langword="null"/> stands for JSON <c>null</c>.</param>
    /// <param name="violations">The collection that receives the violations.</param>
    /// <param name="pointer">
    /// The JSON pointer of <paramref name="instance"/> inside a larger document, prefixed to every reported pointer;
    /// empty by default.
    /// </param>
    public void Validate(JsonNode? instance, ICollection<SchemaViolation> violations, string pointer = "")
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(pointer);
        if (!IsValid(instance))
        {
            Collect(instance, violations, pointer);
        }
    }
}
