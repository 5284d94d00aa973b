using System.Text.Json.Nodes;

namespace CrmKit.JsonSchema.Internal;

/// <summary>The array assertions of one schema: <c>items</c>, <c>minItems</c>, <c>maxItems</c> and <c>uniqueItems</c>.</summary>
internal sealed class ArrayConstraints
{
    // Up to this many items a pairwise comparison beats building a hash set.
    private const int PairwiseUniquenessLimit = 16;

    private readonly CompiledSchema? _items;
    private readonly long? _minItems;
    private readonly long? _maxItems;
    private readonly bool _uniqueItems;

    public ArrayConstraints(CompiledSchema? items, long? minItems, long? maxItems, bool uniqueItems)
    {
        _items = items;
        _minItems = minItems;
        _maxItems = maxItems;
        _uniqueItems = uniqueItems;
    }

    public bool IsValid(JsonArray instance)
    {
        if (_minItems is { } min && instance.Count < min)
        {
            return false;
        }

        if (_maxItems is { } max && instance.Count > max)
        {
            return false;
        }

        if (_items is not null)
        {
            for (var i = 0; i < instance.Count; i++)
            {
                if (!_items.IsValid(instance[i]))
                {
                    return false;
                }
            }
        }

        return !_uniqueItems || AreUnique(instance);
    }

    public void Collect(JsonArray instance, ICollection<SchemaViolation> violations, string pointer)
    {
        if (_minItems is { } min && instance.Count < min)
        {
            violations.Add(new SchemaViolation(pointer, "minItems", min));
        }

        if (_maxItems is { } max && instance.Count > max)
        {
            violations.Add(new SchemaViolation(pointer, "maxItems", max));
        }

        if (_items is not null)
        {
            for (var i = 0; i < instance.Count; i++)
            {
                _items.CollectAsChild(instance[i], violations, pointer, i, "items");
            }
        }

        if (_uniqueItems && !AreUnique(instance))
        {
            violations.Add(new SchemaViolation(pointer, "uniqueItems", true));
        }
    }

    private static bool AreUnique(JsonArray instance)
    {
        if (instance.Count <= PairwiseUniquenessLimit)
        {
            for (var i = 1; i < instance.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (JsonEquality.Instance.Equals(instance[i], instance[j]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        var seen = new HashSet<JsonNode?>(instance.Count, JsonEquality.Instance);
        foreach (var item in instance)
        {
            if (!seen.Add(item))
            {
                return false;
            }
        }

        return true;
    }
}
