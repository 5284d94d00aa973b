using System.CommandLine;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Templates;

/// <summary>
/// <c>crmkit template delete &lt;name&gt; [--locale l]</c>: <c>DELETE /api/templates/{name}?locale=</c>, one locale or,
/// without <c>--locale</c>, every locale.
/// </summary>
internal sealed class TemplateDeleteCommand : CrmCommand
{
    private readonly Argument<string> _name = TemplateCommand.NameArgument();
    private readonly Option<string> _locale = TemplateCommand.LocaleOption("Delete only this locale (default: every locale)");

    public TemplateDeleteCommand(CliRuntime runtime)
        : base("delete", "Delete a template in one locale or in all of them", runtime)
    {
        Add(_name);
        Add(_locale);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var name = parseResult.GetRequiredValue(_name);
        var locale = parseResult.GetValue(_locale);
        await context.Client.SendAsync(
            HttpMethod.Delete, ApiPaths.Template(name, locale), body: null, ifMatchVersion: null, cancellationToken);

        // The server answers 204 with no body, so --output json prints nothing: the exit code says it worked.
        if (!context.Json)
        {
            context.Out.WriteLine(locale is null ? CliMessages.TemplateDeleted(name) : CliMessages.TemplateDeletedLocale(name, locale));
        }

        return ExitCodes.Ok;
    }
}
