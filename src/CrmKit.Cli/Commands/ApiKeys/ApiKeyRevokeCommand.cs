using System.CommandLine;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.ApiKeys;

/// <summary>
/// <c>crmkit apikey revoke &lt;id&gt;</c>: <c>DELETE /api/api-keys/{id}</c>; the server answers with the revoked key. A
/// revoked key is refused from then on (<c>auth.key_revoked</c>) and stays listed.
/// </summary>
internal sealed class ApiKeyRevokeCommand : CrmCommand
{
    private readonly Argument<string> _id = new("id")
    {
        Description = "The key's id (the ID column of 'apikey list', not the secret key)",
    };

    public ApiKeyRevokeCommand(CliRuntime runtime)
        : base("revoke", "Revoke an API key: it stops working at once", runtime)
    {
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await context.Client.SendAsync(
            HttpMethod.Delete, ApiPaths.ApiKey(context.ParseResult.GetRequiredValue(_id)), body: null, ifMatchVersion: null,
            cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else
        {
            var key = response.Body;
            context.Out.WriteLine(CliMessages.ApiKeyRevoked(
                JsonText.ToCell(key?["id"]), JsonText.ToCell(key?["name"]), JsonText.ToCell(key?["userId"])));
        }

        return ExitCodes.Ok;
    }
}
