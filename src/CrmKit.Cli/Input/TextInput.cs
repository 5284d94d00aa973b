using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Input;

/// <summary>
/// Reads the text given to an option such as <c>--source</c> or <c>--data</c>: the value itself, <c>@path</c> for a
/// file (UTF-8), or <c>-</c> for standard input. A file that cannot be read is a usage error (exit code 2).
/// </summary>
internal static class TextInput
{
    public static string Read(string optionName, string value, TextReader stdin) => value switch
    {
        "-" => stdin.ReadToEnd(),
        ['@', .. var path] => ReadFile(optionName, path),
        _ => value,
    };

    private static string ReadFile(string optionName, string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException(CliMessages.CannotReadFile(optionName, path, ex.Message), ex);
        }
    }
}
