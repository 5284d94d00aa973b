using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Cli.Resources;

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
        var text = TextInput.Read(optionName, value, stdin);

        try
        {
            return JsonNode.Parse(text, documentOptions: DocumentOptions)
                ?? throw new CliUsageException(CliMessages.JsonNullInput(optionName));
        }
        catch (JsonException ex)
        {
            var source = value switch
            {
                "-" => CliMessages.SourceStandardInput,
                ['@', .. var path] => path,
                _ => CliMessages.SourceTheValue,
            };
            throw new CliUsageException(CliMessages.InvalidJsonInput(optionName, source, ex.Message), ex);
        }
    }

    public static JsonObject ReadObject(string optionName, string value, TextReader stdin) =>
        Read(optionName, value, stdin) as JsonObject
            ?? throw new CliUsageException(CliMessages.InputNotObject(optionName));
}
