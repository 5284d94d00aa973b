using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Input;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Fields;

/// <summary>
/// The options of <c>field add</c> and <c>field update</c> that describe a field, and how they become the field's
/// JSON Schema property (<c>x-crm-type</c>, <c>x-crm-labels</c>, <c>maxLength</c>, <c>enum</c>, ...).
/// </summary>
internal sealed class FieldSchemaOptions
{
    // Keywords that stay meaningful when a field changes type; type-specific ones (maxLength, enum, format...) go.
    private static readonly string[] TypeIndependentKeywords =
        ["title", "description", "x-crm-labels", "x-crm-indexed", "x-crm-unique", "x-crm-owner"];

    public FieldSchemaOptions(bool typeRequired)
    {
        Type = new Option<string?>("--type", "-t")
        {
            Description = "The field type: string, text, integer, decimal, money, boolean, date, datetime, email, "
                + "phone, url, enum, multi_enum, lookup, json, or one a plugin adds",
            Required = typeRequired,
        };
        MaxLength.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError(CliMessages.MaxLengthNegative);
            }
        });
    }

    public Option<string?> Type { get; }

    public Option<string?> LabelEn { get; } = new("--label-en") { Description = "The English label", HelpName = "text" };

    public Option<string?> LabelRu { get; } = new("--label-ru") { Description = "The Russian label", HelpName = "text" };

    public Option<bool> Required { get; } = new("--required") { Description = "Every record must have a value (--required false to drop)" };

    public Option<bool> Indexed { get; } = new("--indexed") { Description = "Create a database index on the field (x-crm-indexed)" };

    public Option<bool> Unique { get; } = new("--unique") { Description = "Values must be unique among live records (x-crm-unique)" };

    public Option<int> MaxLength { get; } = new("--max-length") { Description = "The longest value allowed (maxLength)", HelpName = "n" };

    public Option<string?> Pattern { get; } = new("--pattern") { Description = "A regular expression values must match (pattern)", HelpName = "regex" };

    public Option<string?> Options { get; } = new("--options")
    {
        Description = "The allowed values of an enum or multi_enum field, comma-separated",
        HelpName = "a,b,c",
    };

    public Option<string?> Lookup { get; } = new("--lookup")
    {
        Description = "The entity a lookup field refers to (x-crm-lookup)",
        HelpName = "entity",
    };

    public Option<string?> Schema { get; } = new("--schema")
    {
        Description = "More JSON Schema keywords to merge in: JSON or @file (a JSON Merge Patch: null removes a keyword)",
        HelpName = "json|@file",
    };

    public void AddTo(Command command)
    {
        command.Add(Type);
        command.Add(LabelEn);
        command.Add(LabelRu);
        command.Add(Required);
        command.Add(Indexed);
        command.Add(Unique);
        command.Add(MaxLength);
        command.Add(Pattern);
        command.Add(Options);
        command.Add(Lookup);
        command.Add(Schema);
    }

    /// <summary>True when the command line asks for any change of the field.</summary>
    public bool AnyGiven(ParseResult parseResult) =>
        new Option[] { Type, LabelEn, LabelRu, Required, Indexed, Unique, MaxLength, Pattern, Options, Lookup, Schema }
            .Any(option => IsGiven(parseResult, option));

    /// <summary>The value of <c>--required</c>, or null when it was not given.</summary>
    public bool? GetRequired(ParseResult parseResult) =>
        IsGiven(parseResult, Required) ? parseResult.GetValue(Required) : null;

    /// <summary>Builds the field's schema: <paramref name="current"/> (or nothing), then --schema, then the other options.</summary>
    public JsonObject BuildSchema(ParseResult parseResult, JsonObject? current, TextReader stdin)
    {
        var schema = current?.DeepClone().AsObject() ?? [];
        var type = parseResult.GetValue(Type);
        if (type is not null)
        {
            if (JsonText.GetString(schema, "x-crm-type") is { } currentType && currentType != type)
            {
                schema = KeepTypeIndependent(schema);
            }

            schema["x-crm-type"] = type;
        }

        if (parseResult.GetValue(Schema) is { } raw)
        {
            JsonMergePatch.Apply(schema, JsonInput.ReadObject("--schema", raw, stdin));
        }

        ApplyLabels(parseResult, schema);
        SetIfGiven(parseResult, Indexed, schema, "x-crm-indexed");
        SetIfGiven(parseResult, Unique, schema, "x-crm-unique");
        SetIfGiven(parseResult, MaxLength, schema, "maxLength");
        SetIfGiven(parseResult, Pattern, schema, "pattern");
        ApplyOptions(parseResult, schema);

        if (parseResult.GetValue(Lookup) is { } target)
        {
            var lookup = schema["x-crm-lookup"] as JsonObject ?? [];
            lookup["entity"] = target;
            schema["x-crm-lookup"] = lookup;
        }

        return schema;
    }

    // A bool option has an implicit default (false), so "given" means it appeared on the command line.
    private static bool IsGiven(ParseResult parseResult, Option option) =>
        parseResult.GetResult(option) is { Implicit: false };

    private static JsonObject KeepTypeIndependent(JsonObject schema)
    {
        var kept = new JsonObject();
        foreach (var keyword in TypeIndependentKeywords)
        {
            if (schema.TryGetPropertyValue(keyword, out var value))
            {
                kept[keyword] = value?.DeepClone();
            }
        }

        return kept;
    }

    private static void SetIfGiven<T>(ParseResult parseResult, Option<T> option, JsonObject schema, string keyword)
    {
        if (IsGiven(parseResult, option))
        {
            schema[keyword] = JsonValue.Create(parseResult.GetValue(option));
        }
    }

    private void ApplyLabels(ParseResult parseResult, JsonObject schema)
    {
        var en = parseResult.GetValue(LabelEn);
        var ru = parseResult.GetValue(LabelRu);
        if (en is null && ru is null)
        {
            return;
        }

        var labels = schema["x-crm-labels"] as JsonObject ?? [];
        if (en is not null)
        {
            labels["en"] = en;
        }

        if (ru is not null)
        {
            labels["ru"] = ru;
        }

        schema["x-crm-labels"] = labels;
    }

    private void ApplyOptions(ParseResult parseResult, JsonObject schema)
    {
        if (parseResult.GetValue(Options) is not { } list)
        {
            return;
        }

        var values = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (values.Length == 0)
        {
            throw new CliUsageException(CliMessages.OptionsEmpty);
        }

        var array = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

        // A multi_enum value is an array, so its options constrain the items.
        if (JsonText.GetString(schema, "x-crm-type") == "multi_enum")
        {
            var items = schema["items"] as JsonObject ?? [];
            items["enum"] = array;
            schema["items"] = items;
        }
        else
        {
            schema["enum"] = array;
        }
    }
}
