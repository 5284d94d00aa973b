using System.Text.Json.Nodes;
using CrmKit.Core.Editions;
using CrmKit.JsonSchema;

namespace CrmKit.Editions.Reading;

internal static partial class EditionReader
{
    private static List<EditionEntity> ReadEntities(
        IEditionFiles files, JsonObject root, List<string> named, List<LocalizationFile> localization, List<EditionProblem> problems)
    {
        var result = new List<EditionEntity>();
        var problemsBefore = problems.Count;
        var compiler = new JsonSchemaCompiler();
        foreach (var (file, pointer) in FileList(root, "entities", problems))
        {
            named.Add(file);
            if (ParseFile(files, file, problems, EditionErrorCodes.InvalidSchema, pointer) is not { } node)
            {
                continue;
            }

            if (node is not JsonObject document)
            {
                problems.Add(Schema(file, "", "An entity file must hold one JSON Schema object."));
                continue;
            }

            if (document["x-crm-entity"] is not JsonValue entityValue || !entityValue.TryGetValue<string>(out var name) || name.Length == 0)
            {
                problems.Add(Schema(file, "/x-crm-entity", "An entity document must name its entity in \"x-crm-entity\"."));
                continue;
            }

            if (document["properties"] is not JsonObject properties)
            {
                problems.Add(Schema(file, "/properties", "An entity document must have a \"properties\" object."));
                continue;
            }

            var before = problems.Count;
            foreach (var (field, definition) in properties)
            {
                var path = "/properties/" + Escape(field);
                if (definition is not JsonObject fieldSchema)
                {
                    problems.Add(Schema(file, path, $"The field '{field}' must be a schema object."));
                }
                else if (fieldSchema["x-crm-type"] is not JsonValue type || !type.TryGetValue<string>(out _))
                {
                    problems.Add(Schema(file, path + "/x-crm-type", $"The field '{field}' must name its type in \"x-crm-type\"."));
                }
            }

            // The document must be a schema the platform's compiler accepts (parsing only; nothing is validated here).
            try
            {
                compiler.Compile(document.ToJsonString());
            }
            catch (SchemaDefinitionException e)
            {
                problems.Add(Schema(file, e.Pointer, $"'{file}' is not a valid entity schema: {e.Message}"));
            }

            if (result.Any(e => e.Name == name))
            {
                problems.Add(Schema(file, "/x-crm-entity", $"Two entity files define the entity '{name}'."));
            }

            if (problems.Count == before)
            {
                result.Add(new EditionEntity(name, file, (JsonObject)document.DeepClone()));
            }
        }

        // Labels for an entity whose file failed would only repeat that failure.
        if (problems.Count == problemsBefore)
        {
            ApplyLocalization(result, localization, problems);
        }

        return result;
    }

    private static List<EditionSeedRecord> ReadSeed(IEditionFiles files, JsonObject root, List<string> named, List<EditionProblem> problems)
    {
        var result = new List<EditionSeedRecord>();
        foreach (var (file, pointer) in FileList(root, "seed", problems))
        {
            named.Add(file);
            if (ParseFile(files, file, problems, EditionErrorCodes.InvalidContent, pointer) is not { } node)
            {
                continue;
            }

            if (node is not JsonObject seed || seed["entity"] is not JsonValue entityValue || !entityValue.TryGetValue<string>(out var entity)
                || seed["records"] is not JsonArray records)
            {
                problems.Add(Content(file, "", "A seed file must be an object with \"entity\" (a string) and \"records\" (an array)."));
                continue;
            }

            for (var i = 0; i < records.Count; i++)
            {
                var path = "/records/" + i;
                if (records[i] is not JsonObject record || record["key"] is not JsonValue keyValue || !keyValue.TryGetValue<string>(out var key)
                    || key.Length == 0 || record["values"] is not JsonObject values)
                {
                    problems.Add(Content(file, path, "A seed record must be an object with a stable \"key\" (a non-empty string) and \"values\" (an object)."));
                    continue;
                }

                if (result.Any(r => r.Entity == entity && r.Key == key))
                {
                    problems.Add(Content(file, path + "/key", $"The seed key '{key}' is used twice for entity '{entity}'."));
                    continue;
                }

                result.Add(new EditionSeedRecord(entity, key, (JsonObject)values.DeepClone(), file, path));
            }
        }

        return result;
    }

    private static List<LocalizationFile> ReadLocalization(IEditionFiles files, JsonObject root, List<string> named, List<EditionProblem> problems)
    {
        var result = new List<LocalizationFile>();
        foreach (var (file, pointer) in FileList(root, "localization", problems))
        {
            named.Add(file);
            if (ParseFile(files, file, problems, EditionErrorCodes.InvalidContent, pointer) is not { } node)
            {
                continue;
            }

            if (node is not JsonObject localization || localization["language"] is not JsonValue languageValue
                || !languageValue.TryGetValue<string>(out var language) || localization["entities"] is not JsonObject entities)
            {
                problems.Add(Content(file, "", "A localization file must be an object with \"language\" (a string) and \"entities\" (an object)."));
                continue;
            }

            result.Add(new LocalizationFile(file, language, entities));
        }

        return result;
    }

    /// <summary>Sets the labels a localization file gives on the entity documents (an entity or field not in the edition is an error).</summary>
    private static void ApplyLocalization(List<EditionEntity> entities, List<LocalizationFile> files, List<EditionProblem> problems)
    {
        foreach (var (file, language, localized) in files)
        {
            foreach (var (name, node) in localized)
            {
                var path = "/entities/" + Escape(name);
                var entity = entities.FirstOrDefault(e => e.Name == name);
                if (entity is null || node is not JsonObject labels)
                {
                    problems.Add(Content(file, path, $"'{name}' is not an entity of this edition, or its labels are not an object."));
                    continue;
                }

                SetLabel(entity.Document, "x-crm-labels", language, labels["label"]);
                SetLabel(entity.Document, "x-crm-plural-labels", language, labels["plural"]);
                if (labels["fields"] is not JsonObject fields)
                {
                    continue;
                }

                foreach (var (field, label) in fields)
                {
                    if (entity.Document["properties"]?[field] is not JsonObject property)
                    {
                        problems.Add(Content(file, path + "/fields/" + Escape(field), $"'{field}' is not a field of entity '{name}' in this edition."));
                        continue;
                    }

                    SetLabel(property, "x-crm-labels", language, label);
                }
            }
        }
    }

    private static void SetLabel(JsonObject target, string keyword, string language, JsonNode? label)
    {
        if (label is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (target[keyword] is not JsonObject labels)
            {
                labels = [];
                target[keyword] = labels;
            }

            labels[language] = text;
        }
    }

    private static EditionProblem Schema(string file, string pointer, string message) =>
        new(EditionErrorCodes.InvalidSchema, message, file, pointer);

    private static EditionProblem Content(string file, string pointer, string message) =>
        new(EditionErrorCodes.InvalidContent, message, file, pointer);

    private sealed record LocalizationFile(string File, string Language, JsonObject Entities);
}
