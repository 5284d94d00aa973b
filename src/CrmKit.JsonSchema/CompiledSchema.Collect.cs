using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.JsonSchema.Internal;

namespace CrmKit.JsonSchema;

/// <summary>The slow path of <see cref="CompiledSchema"/>: collecting every violation of an invalid instance.</summary>
public sealed partial class CompiledSchema
{
    /// <summary>Collects the violations of a property value; the pointer is built only when it is invalid.</summary>
    internal void CollectAsChild(
        JsonNode? value,
        ICollection<SchemaViolation> violations,
        string parentPointer,
        string propertyName,
        string applicator)
    {
        if (!IsValid(value))
        {
            CollectAt(value, violations, JsonPointer.Append(parentPointer, propertyName), applicator);
        }
    }

    /// <summary>Collects the violations of an array item; the pointer is built only when it is invalid.</summary>
    internal void CollectAsChild(
        JsonNode? value,
        ICollection<SchemaViolation> violations,
        string parentPointer,
        int index,
        string applicator)
    {
        if (!IsValid(value))
        {
            CollectAt(value, violations, JsonPointer.Append(parentPointer, index), applicator);
        }
    }

    private void CollectAt(JsonNode? value, ICollection<SchemaViolation> violations, string pointer, string applicator)
    {
        if (_isFalse)
        {
            // A false subschema has no keyword of its own to blame: the keyword that applied it is reported.
            violations.Add(new SchemaViolation(pointer, applicator, false));
        }
        else
        {
            Collect(value, violations, pointer);
        }
    }

    private void Collect(JsonNode? instance, ICollection<SchemaViolation> violations, string pointer)
    {
        if (_isFalse)
        {
            violations.Add(new SchemaViolation(pointer, "false", null));
            return;
        }

        var kind = JsonKinds.Of(instance);
        if (!TypeHolds(instance, kind))
        {
            violations.Add(new SchemaViolation(pointer, "type", _typeNames));
        }

        _values?.Collect(instance, kind, violations, pointer);
        switch (kind)
        {
            case JsonValueKind.String:
                _strings?.Collect(JsonKinds.GetString(instance!), violations, pointer);
                break;
            case JsonValueKind.Number:
                _numbers?.Collect(JsonNumber.Read(instance!), violations, pointer);
                break;
            case JsonValueKind.Object:
                _objects?.Collect(JsonKinds.AsObject(instance!), violations, pointer);
                break;
            case JsonValueKind.Array:
                _arrays?.Collect(JsonKinds.AsArray(instance!), violations, pointer);
                break;
        }
    }

    private bool TypeHolds(JsonNode? instance, JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => (_types & SchemaTypes.String) != 0,
        JsonValueKind.Number => (_types & SchemaTypes.Number) != 0
            || ((_types & SchemaTypes.Integer) != 0 && JsonNumber.Read(instance!).IsInteger),
        JsonValueKind.Object => (_types & SchemaTypes.Object) != 0,
        JsonValueKind.Array => (_types & SchemaTypes.Array) != 0,
        JsonValueKind.True or JsonValueKind.False => (_types & SchemaTypes.Boolean) != 0,
        _ => (_types & SchemaTypes.Null) != 0,
    };
}
