using System.CommandLine;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Users;

/// <summary><c>crmkit user show &lt;id&gt;</c>: <c>GET /api/users/{id}</c>.</summary>
internal sealed class UserShowCommand : CrmCommand
{
    private readonly Argument<string> _id = UserCommand.IdArgument();

    public UserShowCommand(CliRuntime runtime)
        : base("show", "Show an account", runtime)
    {
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var user = await context.Client.GetAsync(ApiPaths.User(context.ParseResult.GetRequiredValue(_id)), cancellationToken);
        UserOutput.WriteUser(context, user);
        return ExitCodes.Ok;
    }
}
