using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Input;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Templates;

/// <summary>
/// <c>crmkit template set &lt;name&gt; --kind k --source text|@file|- [--locale l] [--description d] [--version n]</c>:
/// <c>PUT /api/templates/{name}</c>. The source is sent as it is read (raw text, not JSON); the server checks that it
/// parses (<c>template.syntax</c> with line and column otherwise).
/// </summary>
internal sealed class TemplateSetCommand : CrmCommand
{
    private readonly Argument<string> _name = TemplateCommand.NameArgument();

    private readonly Option<string> _kind = new("--kind")
    {
        Description = "What the template renders",
        HelpName = "email|message|document",
        Required = true,
    };

    private readonly Option<string> _source = new("--source")
    {
        Description = "The template's Scriban source: the text itself, @file (UTF-8), or - for standard input",
        HelpName = "text|@file|-",
        Required = true,
    };

    private readonly Option<string> _locale = TemplateCommand.LocaleOption("The locale this source is for (default ru-RU)");

    private readonly Option<string> _description = new("--description")
    {
        Description = "A description for people choosing a template",
        HelpName = "text",
    };

    private readonly Option<long?> _version = new("--version")
    {
        Description = "Only save if the template is still at this version (0: only create it)",
        HelpName = "n",
    };

    public TemplateSetCommand(CliRuntime runtime)
        : base("set", "Create or change a template in one locale", runtime)
    {
        Add(_name);
        Add(_kind);
        Add(_source);
        Add(_locale);
        Add(_description);
        Add(_version);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var name = parseResult.GetRequiredValue(_name);
        var body = new JsonObject
        {
            ["kind"] = parseResult.GetRequiredValue(_kind),
            ["source"] = TextInput.Read("--source", parseResult.GetRequiredValue(_source), context.Host.Stdin),
        };
        if (parseResult.GetValue(_locale) is { } locale)
        {
            body["locale"] = locale;
        }

        if (parseResult.GetValue(_description) is { } description)
        {
            body["description"] = description;
        }

        if (parseResult.GetValue(_version) is { } version)
        {
            body["version"] = version;
        }

        var response = await context.Client.SendAsync(
            HttpMethod.Put, ApiPaths.Template(name), body, ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else
        {
            context.Out.WriteLine(CliMessages.TemplateSaved(
                name,
                JsonText.GetString(response.Body, "locale") ?? string.Empty,
                JsonText.ToCell(response.Body?["version"])));
        }

        return ExitCodes.Ok;
    }
}
