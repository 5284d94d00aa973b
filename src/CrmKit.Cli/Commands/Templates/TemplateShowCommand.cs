using System.CommandLine;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Templates;

/// <summary>
/// <c>crmkit template show &lt;name&gt; [--locale l]</c>: <c>GET /api/templates/{name}?locale=</c>; the server falls
/// back to the nearest locale it has.
/// </summary>
internal sealed class TemplateShowCommand : CrmCommand
{
    private readonly Argument<string> _name = TemplateCommand.NameArgument();
    private readonly Option<string> _locale = TemplateCommand.LocaleOption("The wanted locale (ru-RU, en...); the nearest stored one is shown");

    public TemplateShowCommand(CliRuntime runtime)
        : base("show", "Show a template: its kind, locale, version and source", runtime)
    {
        Add(_name);
        Add(_locale);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var template = await context.Client.GetAsync(
            ApiPaths.Template(parseResult.GetRequiredValue(_name), parseResult.GetValue(_locale)), cancellationToken);
        if (context.Json)
        {
            context.WriteJson(template);
        }
        else
        {
            TemplateOutput.WriteDetail(context.Out, template);
        }

        return ExitCodes.Ok;
    }
}
