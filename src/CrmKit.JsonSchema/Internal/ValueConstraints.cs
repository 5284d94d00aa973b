using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.JsonSchema.Internal;

/// <summary>The <c>enum</c> and <c>const</c> assertions of one schema, compared with JSON equality.</summary>
internal sealed class ValueConstraints
{
    private readonly JsonNode?[]? _enum;
    private readonly FrozenSet<string>? _stringEnum;
    private readonly string? _enumText;
    private readonly bool _hasConst;
    private readonly JsonNode? _const;
    private readonly string? _constText;

    /// <param name="enumValues">The <c>enum</c> members, or <see langword="null"/> when absent.</param>
    /// <param name="hasConst">Whether <c>const</c> is present (its value may be JSON null).</param>
    /// <param name="constValue">The <c>const</c> value.</param>
    public ValueConstraints(JsonArray? enumValues, bool hasConst, JsonNode? constValue)
    {
        if (enumValues is not null)
        {
            Materialize(enumValues);
            _enum = [.. enumValues];
            _enumText = enumValues.ToJsonString();
            if (_enum.All(member => JsonKinds.Of(member) == JsonValueKind.String))
            {
                _stringEnum = _enum.Select(member => JsonKinds.GetString(member!)).ToFrozenSet(StringComparer.Ordinal);
            }
        }

        _hasConst = hasConst;
        _const = constValue;
        Materialize(constValue);
        _constText = hasConst ? constValue?.ToJsonString() ?? "null" : null;
    }

    public bool IsValid(JsonNode? instance, JsonValueKind kind) =>
        EnumHolds(instance, kind) && (!_hasConst || JsonEquality.Instance.Equals(instance, _const));

    public void Collect(JsonNode? instance, JsonValueKind kind, ICollection<SchemaViolation> violations, string pointer)
    {
        if (!EnumHolds(instance, kind))
        {
            violations.Add(new SchemaViolation(pointer, "enum", _enumText));
        }

        if (_hasConst && !JsonEquality.Instance.Equals(instance, _const))
        {
            violations.Add(new SchemaViolation(pointer, "const", _constText));
        }
    }

    /// <summary>
    /// Forces parsed objects and arrays to build their children now: they do so lazily on first access, which is not
    /// safe when a compiled schema is shared between threads.
    /// </summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject jsonObject:
                for (var i = 0; i < jsonObject.Count; i++)
                {
                    Materialize(jsonObject.GetAt(i).Value);
                }

                break;
            case JsonArray jsonArray:
                for (var i = 0; i < jsonArray.Count; i++)
                {
                    Materialize(jsonArray[i]);
                }

                break;
        }
    }

    private bool EnumHolds(JsonNode? instance, JsonValueKind kind)
    {
        if (_enum is null)
        {
            return true;
        }

        if (_stringEnum is not null)
        {
            return kind == JsonValueKind.String && _stringEnum.Contains(JsonKinds.GetString(instance!));
        }

        foreach (var member in _enum)
        {
            if (JsonEquality.Instance.Equals(instance, member))
            {
                return true;
            }
        }

        return false;
    }
}
