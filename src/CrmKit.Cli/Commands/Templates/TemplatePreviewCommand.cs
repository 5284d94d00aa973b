using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;

namespace CrmKit.Cli.Commands.Templates;

/// <summary>
/// <c>crmkit template preview &lt;name&gt; --entity e --id recordId [--locale l]</c>:
/// <c>POST /api/templates/{name}/preview</c>. Prints the rendered text exactly as rendered (no line is added), so
/// that it can be redirected to a file; <c>--output json</c> prints <c>{"text": ...}</c>.
/// </summary>
internal sealed class TemplatePreviewCommand : CrmCommand
{
    private readonly Argument<string> _name = TemplateCommand.NameArgument();

    private readonly Option<string> _entity = new("--entity")
    {
        Description = "The entity of the record to render against (for example deal)",
        HelpName = "entity",
        Required = true,
    };

    private readonly Option<string> _id = new("--id")
    {
        Description = "The id of the record to render against",
        HelpName = "recordId",
        Required = true,
    };

    private readonly Option<string> _locale = TemplateCommand.LocaleOption("The culture to render in and to pick the template's locale by (default ru-RU)");

    public TemplatePreviewCommand(CliRuntime runtime)
        : base("preview", "Render a template against a stored record and print the text", runtime)
    {
        Add(_name);
        Add(_entity);
        Add(_id);
        Add(_locale);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var body = new JsonObject
        {
            ["entity"] = parseResult.GetRequiredValue(_entity),
            ["recordId"] = parseResult.GetRequiredValue(_id),
        };
        if (parseResult.GetValue(_locale) is { } locale)
        {
            body["locale"] = locale;
        }

        var response = await context.Client.SendAsync(
            HttpMethod.Post, ApiPaths.TemplatePreview(parseResult.GetRequiredValue(_name)), body, ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else
        {
            await context.Out.WriteAsync(JsonText.GetString(response.Body, "text") ?? string.Empty);
        }

        return ExitCodes.Ok;
    }
}
