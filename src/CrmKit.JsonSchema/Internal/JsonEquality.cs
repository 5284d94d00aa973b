using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.JsonSchema.Internal;

/// <summary>
/// JSON Schema equality: same kind, numbers equal by value (1 equals 1.0), strings by ordinal, objects by the same
/// property set with equal values in any order, arrays item by item. <c>true</c> never equals <c>1</c>.
/// </summary>
internal sealed class JsonEquality : IEqualityComparer<JsonNode?>
{
    public static readonly JsonEquality Instance = new();

    private JsonEquality()
    {
    }

    public bool Equals(JsonNode? x, JsonNode? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        var kind = JsonKinds.Of(x);
        if (kind != JsonKinds.Of(y))
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.Number => JsonNumber.AreEqual(JsonNumber.Read(x!), JsonNumber.Read(y!)),
            JsonValueKind.String => string.Equals(JsonKinds.GetString(x!), JsonKinds.GetString(y!), StringComparison.Ordinal),
            JsonValueKind.Object => ObjectsEqual(JsonKinds.AsObject(x!), JsonKinds.AsObject(y!)),
            JsonValueKind.Array => ArraysEqual(JsonKinds.AsArray(x!), JsonKinds.AsArray(y!)),
            _ => true,
        };
    }

    public int GetHashCode(JsonNode? obj)
    {
        var kind = JsonKinds.Of(obj);
        switch (kind)
        {
            case JsonValueKind.Number:
                return JsonNumber.Read(obj!).GetEqualityHashCode();
            case JsonValueKind.String:
                return StringComparer.Ordinal.GetHashCode(JsonKinds.GetString(obj!));
            case JsonValueKind.Object:
                var objectHash = (int)kind;
                var jsonObject = JsonKinds.AsObject(obj!);
                for (var i = 0; i < jsonObject.Count; i++)
                {
                    // Order-independent: property order does not matter for equality.
                    var (name, value) = jsonObject.GetAt(i);
                    objectHash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(name), GetHashCode(value));
                }

                return objectHash;
            case JsonValueKind.Array:
                var arrayHash = new HashCode();
                foreach (var item in JsonKinds.AsArray(obj!))
                {
                    arrayHash.Add(GetHashCode(item));
                }

                return arrayHash.ToHashCode();
            default:
                return (int)kind;
        }
    }

    private bool ObjectsEqual(JsonObject x, JsonObject y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            var (name, value) = x.GetAt(i);
            if (!y.TryGetPropertyValue(name, out var other) || !Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    private bool ArraysEqual(JsonArray x, JsonArray y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!Equals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }
}
