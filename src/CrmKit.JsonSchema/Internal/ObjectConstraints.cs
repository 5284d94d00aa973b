using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace CrmKit.JsonSchema.Internal;

/// <summary>The object assertions of one schema: <c>required</c>, <c>properties</c> and <c>additionalProperties</c>.</summary>
internal sealed class ObjectConstraints
{
    private readonly string[] _required;
    private readonly FrozenDictionary<string, CompiledSchema> _properties;
    private readonly CompiledSchema? _additionalProperties;

    public ObjectConstraints(
        IReadOnlyList<string> required,
        IReadOnlyDictionary<string, CompiledSchema> properties,
        CompiledSchema? additionalProperties)
    {
        _required = [.. required];
        _properties = properties.ToFrozenDictionary(StringComparer.Ordinal);
        _additionalProperties = additionalProperties;
    }

    public IReadOnlyList<string> Required => _required;

    public CompiledSchema? GetProperty(string name) => _properties.GetValueOrDefault(name);

    public bool IsValid(JsonObject instance)
    {
        foreach (var name in _required)
        {
            if (!instance.ContainsKey(name))
            {
                return false;
            }
        }

        // Indexed access (not foreach) keeps the valid path free of enumerator allocations.
        for (var i = 0; i < instance.Count; i++)
        {
            var (name, value) = instance.GetAt(i);
            var schema = _properties.GetValueOrDefault(name) ?? _additionalProperties;
            if (schema is not null && !schema.IsValid(value))
            {
                return false;
            }
        }

        return true;
    }

    public void Collect(JsonObject instance, ICollection<SchemaViolation> violations, string pointer)
    {
        foreach (var name in _required)
        {
            if (!instance.ContainsKey(name))
            {
                violations.Add(new SchemaViolation(JsonPointer.Append(pointer, name), "required", name));
            }
        }

        for (var i = 0; i < instance.Count; i++)
        {
            var (name, value) = instance.GetAt(i);
            if (_properties.TryGetValue(name, out var declared))
            {
                declared.CollectAsChild(value, violations, pointer, name, "properties");
            }
            else
            {
                _additionalProperties?.CollectAsChild(value, violations, pointer, name, "additionalProperties");
            }
        }
    }
}
