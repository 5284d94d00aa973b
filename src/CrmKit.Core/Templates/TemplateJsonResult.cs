using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Scriban.Runtime;

namespace CrmKit.Core.Templates;

/// <summary>Turns the value of an expression back into JSON.</summary>
internal static class TemplateJsonResult
{
    private const int MaxDepth = 64;

    public static JsonNode? ToJson(object? value, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (value)
        {
            case null:
                return null;
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case int or long or short or byte or sbyte or uint or ushort:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case ulong u:
                return JsonValue.Create(u);
            case decimal d:
                return JsonValue.Create(d);
            case double d:
                return double.IsFinite(d) ? JsonValue.Create(d) : null;
            case float f:
                return float.IsFinite(f) ? JsonValue.Create(f) : null;
            case DateTime dt:
                return JsonValue.Create(dt.ToString("O", CultureInfo.InvariantCulture));
            case DateTimeOffset dto:
                return JsonValue.Create(dto.ToString("O", CultureInfo.InvariantCulture));
            case ScriptObject obj:
                var json = new JsonObject();
                foreach (var (key, item) in obj)
                {
                    json[key] = ToJson(item, depth + 1);
                }

                return json;
            case IEnumerable items:
                var array = new JsonArray();
                foreach (var item in items)
                {
                    array.Add(ToJson(item, depth + 1));
                }

                return array;
            default:
                // Nothing else should come out of the sandbox; a function object or the like is not data.
                return null;
        }
    }
}
