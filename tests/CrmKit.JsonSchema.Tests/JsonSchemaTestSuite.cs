using System.Text.Json.Nodes;

namespace CrmKit.JsonSchema.Tests;

/// <summary>
/// Reads the official JSON-Schema-Test-Suite files (draft 2020-12) copied next to the test assembly, and sorts its
/// groups into those whose schema uses only supported keywords and those that must be refused.
/// </summary>
internal static class JsonSchemaTestSuite
{
    /// <summary>The keywords the compiler must support, as the brief lists them (an oracle independent of src).</summary>
    public static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "required", "properties", "additionalProperties", "pattern", "minLength", "maxLength",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "items", "minItems", "maxItems",
        "uniqueItems", "format",
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "readOnly", "writeOnly", "deprecated",
    };

    private static readonly Lazy<IReadOnlyList<SuiteGroup>> LazyGroups = new(Load);

    public static IReadOnlyList<SuiteGroup> Groups => LazyGroups.Value;

    public static SuiteGroup Group(string file, string group) =>
        Groups.Single(g => g.File == file && g.Description == group);

    /// <summary>Every keyword outside <see cref="Supported"/> used anywhere a subschema can be found.</summary>
    public static HashSet<string> UnsupportedKeywords(JsonNode? schema)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, found);
        return found;
    }

    private static void Collect(JsonNode? schema, HashSet<string> found)
    {
        if (schema is not JsonObject keywords)
        {
            return;
        }

        foreach (var (keyword, value) in keywords)
        {
            if (!Supported.Contains(keyword) && !keyword.StartsWith("x-", StringComparison.Ordinal))
            {
                found.Add(keyword);
            }
            else if (keyword == "properties" && value is JsonObject properties)
            {
                foreach (var (_, subschema) in properties)
                {
                    Collect(subschema, found);
                }
            }
            else if (keyword is "additionalProperties" or "items")
            {
                Collect(value, found);
            }
        }
    }

    private static List<SuiteGroup> Load()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestSuite", "draft2020-12");
        var groups = new List<SuiteGroup>();
        foreach (var path in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(root, path).Replace('\\', '/');
            foreach (var group in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
            {
                var tests = group!["tests"]!.AsArray()
                    .Select(test => new SuiteTest(
                        test!["description"]!.GetValue<string>(),
                        test["data"],
                        test["valid"]!.GetValue<bool>()))
                    .ToList();
                groups.Add(new SuiteGroup(file, group["description"]!.GetValue<string>(), group["schema"]!, tests));
            }
        }

        return groups;
    }
}

/// <summary>One group of the suite: a schema and the instances tested against it.</summary>
internal sealed record SuiteGroup(string File, string Description, JsonNode Schema, IReadOnlyList<SuiteTest> Tests)
{
    public HashSet<string> Unsupported => JsonSchemaTestSuite.UnsupportedKeywords(Schema);
}

/// <summary>One instance of a suite group and whether it is valid.</summary>
internal sealed record SuiteTest(string Description, JsonNode? Data, bool Valid);
