using System.Text.Json.Nodes;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Sdk.Builders;

/// <summary>Builds one field's JSON Schema property with its <c>x-crm-*</c> keywords.</summary>
public sealed class FieldBuilder
{
    private readonly JsonObject _schema;

    /// <summary>Creates a builder for a field of the given type.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="type">The CrmKit field type name.</param>
    public FieldBuilder(string name, string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Name = name;
        _schema = new JsonObject { [CrmSchemaKeywords.Type] = type };
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>Whether the field is required.</summary>
    public bool IsRequired { get; private set; }

    /// <summary>Sets the labels.</summary>
    /// <param name="en">The English label.</param>
    /// <param name="ru">The Russian label.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Label(string en, string? ru = null)
    {
        var labels = new JsonObject { ["en"] = en };
        if (ru is not null)
        {
            labels["ru"] = ru;
        }

        _schema[CrmSchemaKeywords.Labels] = labels;
        return this;
    }

    /// <summary>Marks the field required (or not).</summary>
    /// <param name="required">Whether the field is required.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Required(bool required = true)
    {
        IsRequired = required;
        return this;
    }

    /// <summary>Asks the host to keep a database index on the field.</summary>
    /// <returns>This builder.</returns>
    public FieldBuilder Indexed() => Keyword(CrmSchemaKeywords.Indexed, true);

    /// <summary>Keeps the value unique among live records (implies an index).</summary>
    /// <returns>This builder.</returns>
    public FieldBuilder Unique() => Keyword(CrmSchemaKeywords.Unique, true);

    /// <summary>Sets <c>maxLength</c>.</summary>
    /// <param name="length">The maximum length in characters.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder MaxLength(int length) => Keyword("maxLength", length);

    /// <summary>Sets <c>minLength</c>.</summary>
    /// <param name="length">The minimum length in characters.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder MinLength(int length) => Keyword("minLength", length);

    /// <summary>Sets <c>pattern</c> (an ECMA-262 regular expression).</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Pattern(string pattern) => Keyword("pattern", pattern);

    /// <summary>Sets <c>minimum</c>.</summary>
    /// <param name="value">The inclusive minimum.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Minimum(decimal value) => Keyword("minimum", value);

    /// <summary>Sets <c>maximum</c>.</summary>
    /// <param name="value">The inclusive maximum.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Maximum(decimal value) => Keyword("maximum", value);

    /// <summary>Adds an option to an enum or multi-enum field.</summary>
    /// <param name="value">The stored value.</param>
    /// <param name="en">The English label.</param>
    /// <param name="ru">The Russian label.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Option(string value, string en, string? ru = null)
    {
        var options = _schema[CrmSchemaKeywords.OptionLabels] as JsonObject ?? [];
        var labels = new JsonObject { ["en"] = en };
        if (ru is not null)
        {
            labels["ru"] = ru;
        }

        options[value] = labels;
        _schema[CrmSchemaKeywords.OptionLabels] = options;
        return this;
    }

    /// <summary>Points a lookup field at another entity.</summary>
    /// <param name="targetEntity">The entity referenced.</param>
    /// <param name="onDelete">What happens when the referenced record is deleted.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder References(string targetEntity, LookupDeleteBehavior onDelete = LookupDeleteBehavior.Restrict)
    {
        _schema[CrmSchemaKeywords.Lookup] = new JsonObject
        {
            ["entity"] = targetEntity,
            ["onDelete"] = onDelete == LookupDeleteBehavior.SetNull ? "setNull" : "restrict",
        };
        return this;
    }

    /// <summary>Sets any other JSON Schema keyword.</summary>
    /// <param name="keyword">The keyword.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Keyword(string keyword, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyword);
        _schema[keyword] = value?.DeepClone();
        return this;
    }

    /// <summary>Returns the field's JSON Schema property as built so far.</summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject Build()
    {
        var schema = (JsonObject)_schema.DeepClone();
        if (schema[CrmSchemaKeywords.OptionLabels] is JsonObject options && !schema.ContainsKey("enum") &&
            !schema.ContainsKey("items"))
        {
            var values = new JsonArray(options.Select(o => (JsonNode?)JsonValue.Create(o.Key)).ToArray());
            if ((string?)schema[CrmSchemaKeywords.Type] == Fields.BuiltInFieldTypes.MultiEnum)
            {
                schema["items"] = new JsonObject { ["enum"] = values };
            }
            else
            {
                schema["enum"] = values;
            }
        }

        return schema;
    }
}
