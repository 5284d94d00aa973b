using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Cli.Input;

/// <summary>
/// Reads the JSON given to an option such as <c>--data</c>: inline JSON, <c>@path</c> for a file, or <c>-</c> for
/// standard input. Bad input is a usage error (exit code 2), reported before anything is sent.
/// </summary>
internal static class JsonInput
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonNode Read(string optionName, string value, TextReader stdin)
    {
        var text = value switch
        {
            "-" => stdin.ReadToEnd(),
            ['@', .. var path] => ReadFile(optionName, path),
            _ => value,
        };

        try
        {
            return JsonNode.Parse(text, documentOptions: DocumentOptions)
                ?? throw new CliUsageException($"{optionName} is JSON null; give an object.");
        }
        catch (JsonException ex)
        {
            var source = value switch
            {
                "-" => "standard input",
                ['@', .. var path] => path,
                _ => "the value",
            };
            throw new CliUsageException($"{optionName}: {source} is not valid JSON ({ex.Message})", ex);
        }
    }

    public static JsonObject ReadObject(string optionName, string value, TextReader stdin) =>
        Read(optionName, value, stdin) as JsonObject
            ?? throw new CliUsageException($"{optionName} must be a JSON object ({{...}}).");

    private static string ReadFile(string optionName, string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"{optionName}: cannot read '{path}' ({ex.Message})", ex);
        }
    }
}
