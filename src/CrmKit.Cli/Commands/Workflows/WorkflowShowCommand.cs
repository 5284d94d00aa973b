using System.CommandLine;

namespace CrmKit.Cli.Commands.Workflows;

/// <summary>
/// <c>crmkit workflow show &lt;name&gt; [--version n] [--document]</c>: <c>GET /api/workflows/{name}</c> or one version.
/// With <c>--document</c> only the document is printed, ready to edit and pass to <c>set</c>.
/// </summary>
internal sealed class WorkflowShowCommand : CrmCommand
{
    private readonly Argument<string> _name = WorkflowCommand.NameArgument();
    private readonly Option<long?> _version = new("--version") { Description = "Show this version instead of the current one", HelpName = "n" };
    private readonly Option<bool> _document = new("--document") { Description = "Print only the workflow document" };

    public WorkflowShowCommand(CliRuntime runtime)
        : base("show", "Show a workflow: its state and document", runtime)
    {
        Add(_name);
        Add(_version);
        Add(_document);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = context.ParseResult.GetRequiredValue(_name);
        var path = context.ParseResult.GetValue(_version) is { } version
            ? WorkflowPaths.Version(name, version)
            : WorkflowPaths.Workflow(name);
        var workflow = await context.Client.GetAsync(path, cancellationToken);
        context.WriteJson(context.ParseResult.GetValue(_document) ? workflow?["document"] : workflow);
        return ExitCodes.Ok;
    }
}
