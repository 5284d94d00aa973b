using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Metadata;

/// <summary>Reads a normalized entity document into an <see cref="EntityDefinition"/>.</summary>
internal static class EntitySchemaReader
{
    public static EntityDefinition Read(JsonObject document, long version)
    {
        var name = document[CrmSchemaKeywords.Entity]!.GetValue<string>();
        var required = ((JsonArray?)document["required"] ?? [])
            .Select(r => r!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        var fields = new List<FieldDefinition>();
        foreach (var (fieldName, node) in (JsonObject)document["properties"]!)
        {
            fields.Add(ReadField(fieldName, (JsonObject)node!, required.Contains(fieldName)));
        }

        return new EntityDefinition(name, version, Labels(document[CrmSchemaKeywords.Labels], name), fields, document)
        {
            PluralLabels = document[CrmSchemaKeywords.PluralLabels] is JsonObject ? Labels(document[CrmSchemaKeywords.PluralLabels], name) : null,
            Owner = Text(document[CrmSchemaKeywords.Owner]),
        };
    }

    private static FieldDefinition ReadField(string name, JsonObject schema, bool required)
    {
        var options = (schema["enum"] as JsonArray ?? schema["items"]?["enum"] as JsonArray ?? [])
            .Select(o => Text(o))
            .OfType<string>()
            .ToList();
        var optionLabels = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        if (schema[CrmSchemaKeywords.OptionLabels] is JsonObject labels)
        {
            foreach (var (value, text) in labels)
            {
                optionLabels[value] = Labels(text, value);
            }
        }

        LookupDefinition? lookup = null;
        if (schema[CrmSchemaKeywords.Lookup] is JsonObject target && Text(target["entity"]) is { } targetEntity)
        {
            var onDelete = Text(target["onDelete"]) == "setNull" ? LookupDeleteBehavior.SetNull : LookupDeleteBehavior.Restrict;
            lookup = new LookupDefinition(targetEntity, onDelete);
        }

        return new FieldDefinition(name, Text(schema[CrmSchemaKeywords.Type])!, schema, Labels(schema[CrmSchemaKeywords.Labels], name), required)
        {
            IsSystem = EntitySchemaNormalizer.IsTrue(schema[CrmSchemaKeywords.System]),
            Indexed = EntitySchemaNormalizer.IsTrue(schema[CrmSchemaKeywords.Indexed]),
            Unique = EntitySchemaNormalizer.IsTrue(schema[CrmSchemaKeywords.Unique]),
            Owner = Text(schema[CrmSchemaKeywords.Owner]),
            Lookup = lookup,
            Options = options,
            OptionLabels = optionLabels,
        };
    }

    private static LocalizedText Labels(JsonNode? node, string fallback)
    {
        if (node is JsonObject labels && labels.Count > 0)
        {
            return new LocalizedText(labels
                .Where(l => Text(l.Value) is not null)
                .Select(l => new KeyValuePair<string, string>(l.Key, Text(l.Value)!)));
        }

        return LocalizedText.Of(fallback);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
