using System.CommandLine;

namespace CrmKit.Cli.Commands.ApiKeys;

/// <summary><c>crmkit apikey</c>: API keys (<c>/api/api-keys</c>), one's own or, with security.manage, anyone's.</summary>
internal sealed class ApiKeyCommand : Command
{
    public ApiKeyCommand(CliRuntime runtime)
        : base("apikey", "List, create and revoke API keys")
    {
        Add(new ApiKeyListCommand(runtime));
        Add(new ApiKeyCreateCommand(runtime));
        Add(new ApiKeyRevokeCommand(runtime));
    }

    /// <summary>The <c>--user</c> option; <paramref name="description"/> says what it picks.</summary>
    public static Option<string> UserOption(string description) => new("--user")
    {
        Description = description,
        HelpName = "id",
    };
}
