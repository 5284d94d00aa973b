using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Templates;

/// <summary><c>crmkit template list</c>: <c>GET /api/templates</c>.</summary>
internal sealed class TemplateListCommand : CrmCommand
{
    public TemplateListCommand(CliRuntime runtime)
        : base("list", "List the templates in every locale, with their kind and version", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await context.Client.GetAsync(ApiPaths.Templates, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
        }
        else
        {
            TemplateOutput.WriteList(context.Out, list);
        }

        return ExitCodes.Ok;
    }
}
