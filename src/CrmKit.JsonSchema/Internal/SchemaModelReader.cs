using System.Text;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Schema;

namespace CrmKit.JsonSchema.Internal;

/// <summary>
/// Parses the schema with Newtonsoft.Json.Schema (<see cref="JSchema.Load(JsonReader, JSchemaReaderSettings)"/>, which
/// checks every keyword's value) to obtain its model. Only parsing is used: Newtonsoft's validator is never called.
/// </summary>
/// <remarks>
/// The text handed to it keeps only the keywords read from the model and declares draft 2020-12 at the root, so that
/// annotations, extensions and the exactly-read <c>enum</c> / <c>const</c> values cannot trip it up (it refuses an
/// empty <c>enum</c>, which 2020-12 allows), and every schema is read with 2020-12 semantics.
/// </remarks>
internal static class SchemaModelReader
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    private static readonly HashSet<string> ExactlyReadKeywords = new(StringComparer.Ordinal) { "enum", "const" };

    public static JSchema Load(JsonNode schema)
    {
        var modeled = Strip(schema);
        if (modeled is JsonObject root)
        {
            root.Insert(0, "$schema", Draft202012);
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(modeled.ToJsonString())) { MaxDepth = null };
            return JSchema.Load(reader, new JSchemaReaderSettings { ResolveSchemaReferences = false });
        }
        catch (JSchemaReaderException exception)
        {
            throw Invalid(exception.Path, exception);
        }
        catch (JsonReaderException exception)
        {
            throw Invalid(exception.Path, exception);
        }
        catch (JSchemaException exception)
        {
            throw Invalid(path: null, exception);
        }
    }

    /// <summary>Copies a schema keeping only the keywords the model is read for, recursively.</summary>
    private static JsonNode Strip(JsonNode schema)
    {
        if (schema is not JsonObject keywords)
        {
            return schema.DeepClone();
        }

        var copy = new JsonObject();
        foreach (var (keyword, argument) in keywords)
        {
            if (!SchemaKeywords.Assertions.Contains(keyword) || ExactlyReadKeywords.Contains(keyword))
            {
                continue;
            }

            copy[keyword] = (keyword, argument) switch
            {
                ("properties", JsonObject properties) => StripAll(properties),
                ("items" or "additionalProperties", { } subschema) => Strip(subschema),
                _ => argument?.DeepClone(),
            };
        }

        return copy;
    }

    private static JsonObject StripAll(JsonObject properties)
    {
        var copy = new JsonObject();
        foreach (var (name, subschema) in properties)
        {
            copy[name] = subschema is null ? null : Strip(subschema);
        }

        return copy;
    }

    private static SchemaDefinitionException Invalid(string? path, Exception exception)
    {
        var (keyword, pointer) = Locate(path ?? string.Empty);
        var detail = exception.Message;
        var suffix = detail.IndexOf(" Path '", StringComparison.Ordinal);
        if (suffix > 0)
        {
            // The line and position would refer to the stripped copy, not to the caller's text.
            detail = detail[..suffix];
        }

        if (keyword.Length == 0)
        {
            // Some errors are reported at the enclosing schema; their message still quotes the keyword.
            keyword = SchemaKeywords.Assertions.FirstOrDefault(
                candidate => detail.Contains($"'{candidate}'", StringComparison.Ordinal)) ?? string.Empty;
            var applicatorSegment = "/" + keyword;
            if (SchemaKeywords.Applicators.Contains(keyword) && pointer.EndsWith(applicatorSegment, StringComparison.Ordinal))
            {
                // The path ended at the applicator's own value: the fault is the keyword, in the schema holding it.
                pointer = pointer[..^applicatorSegment.Length];
            }
        }

        return SchemaErrors.InvalidValue(keyword, pointer, detail, exception);
    }

    /// <summary>Turns a Newtonsoft path such as <c>properties['a.b'].minLength</c> into a keyword and a schema pointer.</summary>
    private static (string Keyword, string Pointer) Locate(string path)
    {
        var tokens = Tokenize(path);
        var pointer = string.Empty;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token == "properties" && i + 1 < tokens.Count)
            {
                pointer = JsonPointer.Append(JsonPointer.Append(pointer, token), tokens[++i]);
            }
            else if (token is "items" or "additionalProperties")
            {
                pointer = JsonPointer.Append(pointer, token);
            }
            else
            {
                return (token, pointer);
            }
        }

        return (string.Empty, pointer);
    }

    private static List<string> Tokenize(string path)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
            }
            else if (path[i] == '[')
            {
                var quoted = i + 1 < path.Length && path[i + 1] == '\'';
                var token = new StringBuilder();
                for (i += quoted ? 2 : 1; i < path.Length && !(quoted ? path[i] == '\'' : path[i] == ']'); i++)
                {
                    if (quoted && path[i] == '\\' && i + 1 < path.Length)
                    {
                        i++;
                    }

                    token.Append(path[i]);
                }

                tokens.Add(token.ToString());
                i += quoted ? 2 : 1;
            }
            else
            {
                var end = path.IndexOfAny(['.', '['], i);
                end = end < 0 ? path.Length : end;
                tokens.Add(path[i..end]);
                i = end;
            }
        }

        return tokens;
    }
}
