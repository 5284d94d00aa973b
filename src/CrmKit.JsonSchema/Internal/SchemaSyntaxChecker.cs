using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.JsonSchema.Internal.Formats;
using CrmKit.JsonSchema.Resources;

namespace CrmKit.JsonSchema.Internal;

/// <summary>
/// Walks the raw schema JSON before anything else reads it and refuses what the compiler does not support: unknown
/// keywords, unsupported formats, the array form of <c>items</c> and nesting beyond the depth limit.
/// </summary>
internal static class SchemaSyntaxChecker
{
    public static void Check(JsonNode? schema, int maxDepth) => Visit(schema, string.Empty, 0, maxDepth);

    private static void Visit(JsonNode? schema, string pointer, int depth, int maxDepth)
    {
        if (schema is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        if (schema is not JsonObject keywords)
        {
            throw SchemaErrors.NotASchema(pointer);
        }

        if (depth > maxDepth)
        {
            throw SchemaErrors.TooDeep(maxDepth, pointer);
        }

        foreach (var (keyword, argument) in keywords)
        {
            if (SchemaKeywords.IsIgnored(keyword))
            {
                continue;
            }

            if (!SchemaKeywords.Assertions.Contains(keyword))
            {
                throw SchemaErrors.UnsupportedKeyword(keyword, pointer);
            }

            switch (keyword)
            {
                case "properties" when argument is JsonObject properties:
                    var propertiesPointer = JsonPointer.Append(pointer, keyword);
                    foreach (var (name, subschema) in properties)
                    {
                        Visit(subschema, JsonPointer.Append(propertiesPointer, name), depth + 1, maxDepth);
                    }

                    break;
                case "items" when argument is JsonArray:
                    throw SchemaErrors.InvalidValue(keyword, pointer, SchemaMessages.ItemsArrayForm);
                case "items" or "additionalProperties":
                    Visit(argument, JsonPointer.Append(pointer, keyword), depth + 1, maxDepth);
                    break;
                case "format" when argument is JsonValue format
                    && format.TryGetValue(out string? name)
                    && !FormatValidator.TryParse(name, out _):
                    throw SchemaErrors.UnsupportedFormat(name, pointer);
            }
        }
    }
}
