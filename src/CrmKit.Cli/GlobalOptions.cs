using System.CommandLine;

namespace CrmKit.Cli;

/// <summary>The options every crmkit command accepts (they are recursive: valid after any subcommand).</summary>
internal sealed class GlobalOptions
{
    public const string DefaultServer = "http://localhost:5080";
    public const string ServerVariable = "CRMKIT_SERVER";
    public const string ApiKeyVariable = "CRMKIT_API_KEY";
    public const string LanguageVariable = "CRMKIT_LANG";
    public const string LanguageOption = "--lang";
    public const string JsonFormat = "json";
    public const string TableFormat = "table";

    public Option<string?> Server { get; } = new("--server", "-s")
    {
        Description = $"The CrmKit server address [default: ${ServerVariable}, else {DefaultServer}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "How to print results: table for people, json for scripts (the server's JSON, indented)",
        DefaultValueFactory = _ => TableFormat,
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the server's JSON, indented (the same as --output json)",
        Recursive = true,
    };

    public Option<string?> Language { get; } = new(LanguageOption)
    {
        Description = $"The language of crmkit's messages and of the server's labels and errors (sent as Accept-Language) [default: ${LanguageVariable}, else en]",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"An API key, sent as 'Authorization: ApiKey <key>' [default: ${ApiKeyVariable}]",
        HelpName = "key",
        Recursive = true,
    };

    public GlobalOptions()
    {
        Output.AcceptOnlyFromAmong(TableFormat, JsonFormat);
        Language.AcceptOnlyFromAmong("en", "ru");
    }

    public void AddTo(Command command)
    {
        command.Add(Server);
        command.Add(Output);
        command.Add(Json);
        command.Add(Language);
        command.Add(ApiKey);
    }
}
