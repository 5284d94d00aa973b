using System.CommandLine;
using System.Net;
using CrmKit.Cli.Api;
using CrmKit.Cli.Input;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Roles;

/// <summary>
/// <c>crmkit role set &lt;name&gt; &lt;file|-&gt;</c>: <c>PUT /api/roles/{name}</c> with the role document read from a JSON
/// file or standard input. The server answers 201 when it created the role and 200 when it replaced it.
/// </summary>
internal sealed class RoleSetCommand : CrmCommand
{
    private readonly Argument<string> _name = RoleCommand.NameArgument();

    private readonly Argument<string> _file = new("file")
    {
        Description = "The role document: a JSON file, or - for standard input",
    };

    public RoleSetCommand(CliRuntime runtime)
        : base("set", "Create a role or replace it with a document (labels, description, privileges, entities)", runtime)
    {
        Add(_name);
        Add(_file);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = context.ParseResult.GetRequiredValue(_name);
        var file = context.ParseResult.GetRequiredValue(_file);
        var document = JsonInput.ReadObject("file", file == "-" ? file : "@" + file, context.Host.Stdin);
        var response = await context.Client.SendAsync(
            HttpMethod.Put, ApiPaths.Role(name), document, ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else
        {
            var version = JsonText.ToCell(response.Body?["version"]);
            context.Out.WriteLine(response.Status == HttpStatusCode.Created
                ? CliMessages.RoleCreated(name, version)
                : CliMessages.RoleReplaced(name, version));
        }

        return ExitCodes.Ok;
    }
}
