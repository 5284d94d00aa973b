using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrmKit.Core.Editions;
using NuGet.Versioning;

namespace CrmKit.Editions.Reading;

/// <summary>
/// Reads an edition strictly: edition.json must have exactly the known properties with the right types, every file it
/// names must exist inside the edition and parse, and every problem is reported with its file and JSON pointer (all of
/// them, not only the first). Entity documents are checked as JSON Schema here for their shape; the metadata compiler
/// checks them fully when planning.
/// </summary>
internal static partial class EditionReader
{
    public const string ManifestFile = "edition.json";

    private static readonly HashSet<string> Known =
    [
        "$schema", "id", "version", "title", "description", "authors", "crmkit", "plugins", "entities", "workflows",
        "templates", "seed", "settings", "localization", "migrations",
    ];

    /// <summary>Reads an edition; throws <see cref="EditionException"/> with every problem found.</summary>
    public static EditionContent Read(IEditionFiles files)
    {
        var problems = new List<EditionProblem>();
        var content = TryRead(files, problems);
        if (problems.Count > 0 || content is null)
        {
            throw new EditionException(problems.Count > 0
                ? problems
                : [new EditionProblem(EditionErrorCodes.InvalidManifest, "The edition could not be read.", ManifestFile)]);
        }

        return content;
    }

    private static EditionContent? TryRead(IEditionFiles files, List<EditionProblem> problems)
    {
        var root = ParseFile(files, ManifestFile, problems, EditionErrorCodes.InvalidManifest) as JsonObject;
        if (root is null)
        {
            if (problems.Count == 0)
            {
                problems.Add(Manifest("edition.json must be a JSON object.", ""));
            }

            return null;
        }

        foreach (var (name, _) in root)
        {
            if (!Known.Contains(name))
            {
                problems.Add(Manifest($"edition.json has an unknown property '{name}'.", "/" + name));
            }
        }

        var id = RequiredString(root, "id", problems);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            problems.Add(Manifest($"The edition id '{id}' is not a package id (letters, digits, '.', '-', '_'; at most 100 characters).", "/id"));
        }

        var versionText = RequiredString(root, "version", problems);
        NuGetVersion? version = null;
        if (versionText is not null && !NuGetVersion.TryParse(versionText, out version))
        {
            problems.Add(Manifest($"The version '{versionText}' is not a semantic version.", "/version"));
        }

        var title = RequiredString(root, "title", problems);
        var description = OptionalString(root, "description", problems) ?? "";
        var authors = OptionalString(root, "authors", problems) ?? "";
        VersionRange? crmkit = null;
        if (OptionalString(root, "crmkit", problems) is { } crmkitText && !VersionRange.TryParse(crmkitText, out crmkit))
        {
            problems.Add(Manifest($"The CrmKit range '{crmkitText}' is not a version range.", "/crmkit"));
        }

        var plugins = ReadPlugins(root, problems);
        var named = new List<string> { ManifestFile };
        var localization = ReadLocalization(files, root, named, problems);
        var entities = ReadEntities(files, root, named, localization, problems);
        var workflows = ReadWorkflows(files, root, named, problems);
        var templates = ReadTemplates(files, root, named, problems);
        var seed = ReadSeed(files, root, named, problems);
        var settings = ReadSettings(root, problems);
        var migrations = ReadMigrations(root, problems);
        if (problems.Count > 0)
        {
            return null;
        }

        return new EditionContent
        {
            Id = id!,
            Version = version!,
            Title = title!,
            Description = description,
            Authors = authors,
            CrmKitRange = crmkit,
            Plugins = plugins,
            Entities = entities,
            Workflows = workflows,
            Templates = templates,
            Seed = seed,
            Settings = settings,
            Migrations = migrations,
            Files = named.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private static List<(string, VersionRange)> ReadPlugins(JsonObject root, List<EditionProblem> problems)
    {
        var result = new List<(string, VersionRange)>();
        if (OptionalObject(root, "plugins", problems) is not { } plugins)
        {
            return result;
        }

        foreach (var (pluginId, rangeNode) in plugins)
        {
            var path = "/plugins/" + Escape(pluginId);
            if (!IdPattern().IsMatch(pluginId))
            {
                problems.Add(Manifest($"'{pluginId}' is not a plugin id.", path));
            }

            if (rangeNode is not JsonValue value || !value.TryGetValue<string>(out var text) || !VersionRange.TryParse(text, out var range))
            {
                problems.Add(Manifest($"The version range of plugin '{pluginId}' must be a NuGet version range such as \"[1.0.0, 2.0.0)\".", path));
                continue;
            }

            result.Add((pluginId, range));
        }

        return result;
    }

    private static List<EditionWorkflow> ReadWorkflows(IEditionFiles files, JsonObject root, List<string> named, List<EditionProblem> problems)
    {
        var result = new List<EditionWorkflow>();
        foreach (var (file, pointer) in FileList(root, "workflows", problems))
        {
            named.Add(file);
            if (ParseFile(files, file, problems, EditionErrorCodes.InvalidContent, pointer) is not { } node)
            {
                continue;
            }

            if (node is not JsonObject document || document["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name))
            {
                problems.Add(new EditionProblem(EditionErrorCodes.InvalidContent, $"The workflow file '{file}' must be a workflow document with a string \"name\".", file, "/name"));
                continue;
            }

            if (result.Any(w => w.Name == name))
            {
                problems.Add(new EditionProblem(EditionErrorCodes.InvalidContent, $"Two workflow files define the workflow '{name}'.", file, "/name"));
                continue;
            }

            result.Add(new EditionWorkflow(name, file, document));
        }

        return result;
    }

    private static List<EditionTemplate> ReadTemplates(IEditionFiles files, JsonObject root, List<string> named, List<EditionProblem> problems)
    {
        var result = new List<EditionTemplate>();
        if (OptionalArray(root, "templates", problems) is not { } templates)
        {
            return result;
        }

        for (var i = 0; i < templates.Count; i++)
        {
            var path = "/templates/" + i;
            if (templates[i] is not JsonObject entry)
            {
                problems.Add(Manifest("A template entry must be an object with name, locale, kind and file.", path));
                continue;
            }

            foreach (var (key, _) in entry)
            {
                if (key is not ("name" or "locale" or "kind" or "file" or "description"))
                {
                    problems.Add(Manifest($"A template entry has an unknown property '{key}'.", path + "/" + key));
                }
            }

            var name = RequiredString(entry, "name", problems, path);
            var locale = RequiredString(entry, "locale", problems, path);
            var kind = RequiredString(entry, "kind", problems, path);
            var file = RequiredString(entry, "file", problems, path);
            var description = OptionalString(entry, "description", problems, path);
            if (name is null || locale is null || kind is null || file is null)
            {
                continue;
            }

            if (kind is not ("email" or "message" or "document"))
            {
                problems.Add(Manifest($"The template kind '{kind}' is not one of email, message, document.", path + "/kind"));
            }

            named.Add(file);
            var source = ReadFile(files, file, problems, path + "/file");
            if (source is not null)
            {
                result.Add(new EditionTemplate(name, locale, kind, source, description, file));
            }
        }

        return result;
    }

    private static List<(string, JsonObject)> ReadSettings(JsonObject root, List<EditionProblem> problems)
    {
        var result = new List<(string, JsonObject)>();
        if (OptionalObject(root, "settings", problems) is not { } settings)
        {
            return result;
        }

        foreach (var (module, values) in settings)
        {
            if (values is not JsonObject obj)
            {
                problems.Add(Manifest($"The settings of module '{module}' must be an object.", "/settings/" + Escape(module)));
                continue;
            }

            result.Add((module, (JsonObject)obj.DeepClone()));
        }

        return result;
    }

    private static List<EditionMigration> ReadMigrations(JsonObject root, List<EditionProblem> problems)
    {
        var result = new List<EditionMigration>();
        if (OptionalArray(root, "migrations", problems) is not { } migrations)
        {
            return result;
        }

        for (var i = 0; i < migrations.Count; i++)
        {
            var path = "/migrations/" + i;
            if (migrations[i] is not JsonObject entry)
            {
                problems.Add(Manifest("A migration must be an object with version and renames.", path));
                continue;
            }

            var versionText = RequiredString(entry, "version", problems, path);
            if (versionText is null || !NuGetVersion.TryParse(versionText, out var version))
            {
                if (versionText is not null)
                {
                    problems.Add(Manifest($"The migration version '{versionText}' is not a semantic version.", path + "/version"));
                }

                continue;
            }

            var renames = new List<EditionRename>();
            if (entry["renames"] is not JsonArray list)
            {
                problems.Add(Manifest("A migration must have a \"renames\" array.", path + "/renames"));
                continue;
            }

            for (var j = 0; j < list.Count; j++)
            {
                var renamePath = $"{path}/renames/{j}";
                if (list[j] is not JsonObject rename)
                {
                    problems.Add(Manifest("A rename must be an object with entity, from and to.", renamePath));
                    continue;
                }

                var entity = RequiredString(rename, "entity", problems, renamePath);
                var from = RequiredString(rename, "from", problems, renamePath);
                var to = RequiredString(rename, "to", problems, renamePath);
                if (entity is not null && from is not null && to is not null)
                {
                    renames.Add(new EditionRename(entity, from, to));
                }
            }

            result.Add(new EditionMigration(version, renames));
        }

        return result;
    }

    internal static JsonNode? ParseFile(
        IEditionFiles files, string file, List<EditionProblem> problems, string code, string? manifestPointer = null)
    {
        var text = ReadFile(files, file, problems, manifestPointer);
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            problems.Add(new EditionProblem(code, $"'{file}' is not valid JSON: {e.Message}", file, ""));
            return null;
        }
    }

    private static string? ReadFile(IEditionFiles files, string file, List<EditionProblem> problems, string? manifestPointer)
    {
        if (!EditionPaths.IsSafe(file))
        {
            problems.Add(Manifest($"The path '{file}' must be relative, inside the edition, with forward slashes.", manifestPointer ?? ""));
            return null;
        }

        var text = files.ReadText(file);
        if (text is null)
        {
            problems.Add(file == ManifestFile
                ? new EditionProblem(EditionErrorCodes.InvalidManifest, $"{files.Origin} has no edition.json.", ManifestFile)
                : new EditionProblem(EditionErrorCodes.MissingFile, $"The file '{file}' named in edition.json is missing.", ManifestFile, manifestPointer));
        }

        return text;
    }

    private static IEnumerable<(string File, string Pointer)> FileList(JsonObject root, string name, List<EditionProblem> problems)
    {
        if (OptionalArray(root, name, problems) is not { } list)
        {
            yield break;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonValue value && value.TryGetValue<string>(out var file))
            {
                yield return (file, $"/{name}/{i}");
            }
            else
            {
                problems.Add(Manifest($"Each item of \"{name}\" must be a file path.", $"/{name}/{i}"));
            }
        }
    }

    private static string? RequiredString(JsonObject obj, string name, List<EditionProblem> problems, string parent = "")
    {
        if (obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        problems.Add(Manifest($"\"{name}\" is required and must be a non-empty string.", parent + "/" + name));
        return null;
    }

    private static string? OptionalString(JsonObject obj, string name, List<EditionProblem> problems, string parent = "")
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        problems.Add(Manifest($"\"{name}\" must be a string.", parent + "/" + name));
        return null;
    }

    private static JsonObject? OptionalObject(JsonObject obj, string name, List<EditionProblem> problems)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonObject result)
        {
            return result;
        }

        problems.Add(Manifest($"\"{name}\" must be an object.", "/" + name));
        return null;
    }

    private static JsonArray? OptionalArray(JsonObject obj, string name, List<EditionProblem> problems)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonArray result)
        {
            return result;
        }

        problems.Add(Manifest($"\"{name}\" must be an array.", "/" + name));
        return null;
    }

    private static EditionProblem Manifest(string message, string pointer) =>
        new(EditionErrorCodes.InvalidManifest, message, ManifestFile, pointer);

    internal static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex IdPattern();
}
