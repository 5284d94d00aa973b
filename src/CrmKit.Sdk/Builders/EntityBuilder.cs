using System.Text.Json.Nodes;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Sdk.Builders;

/// <summary>
/// Builds an entity's JSON Schema document. The host completes it (system fields, base keywords of each field type,
/// owner marks) when the definition is registered.
/// </summary>
public sealed class EntityBuilder : IFieldSetBuilder
{
    private readonly List<FieldBuilder> _fields = [];
    private JsonObject? _labels;
    private JsonObject? _pluralLabels;

    /// <summary>Creates a builder.</summary>
    /// <param name="name">The entity name (lower snake case).</param>
    public EntityBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The entity name.</summary>
    public string Name { get; }

    /// <summary>Sets the labels.</summary>
    /// <param name="en">The English label.</param>
    /// <param name="ru">The Russian label.</param>
    /// <returns>This builder.</returns>
    public EntityBuilder Label(string en, string? ru = null)
    {
        _labels = Texts(en, ru);
        return this;
    }

    /// <summary>Sets the plural labels.</summary>
    /// <param name="en">The English label.</param>
    /// <param name="ru">The Russian label.</param>
    /// <returns>This builder.</returns>
    public EntityBuilder PluralLabel(string en, string? ru = null)
    {
        _pluralLabels = Texts(en, ru);
        return this;
    }

    /// <inheritdoc />
    public void AddField(string name, string type, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, type);
        configure?.Invoke(field);
        _fields.Add(field);
    }

    /// <summary>Returns the entity's JSON Schema document as built so far.</summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject Build()
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in _fields)
        {
            properties[field.Name] = field.Build();
            if (field.IsRequired)
            {
                required.Add(field.Name);
            }
        }

        var document = new JsonObject
        {
            ["$schema"] = CrmSchemaKeywords.Dialect,
            ["type"] = "object",
            [CrmSchemaKeywords.Entity] = Name,
        };
        if (_labels is not null)
        {
            document[CrmSchemaKeywords.Labels] = _labels.DeepClone();
        }

        if (_pluralLabels is not null)
        {
            document[CrmSchemaKeywords.PluralLabels] = _pluralLabels.DeepClone();
        }

        document["properties"] = properties;
        document["required"] = required;
        document["additionalProperties"] = false;
        return document;
    }

    private static JsonObject Texts(string en, string? ru)
    {
        var texts = new JsonObject { ["en"] = en };
        if (ru is not null)
        {
            texts["ru"] = ru;
        }

        return texts;
    }
}
