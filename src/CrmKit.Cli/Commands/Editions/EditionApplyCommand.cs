using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Editions;

/// <summary>
/// <c>crmkit edition plan|install|upgrade &lt;id&gt;[@version] [--prerelease]</c>: <c>POST /api/editions/plan|install|upgrade</c>.
/// The server fetches the edition from its feeds. <c>plan</c> changes nothing (<c>--upgrade</c> plans an upgrade) and
/// exits 1 when the plan cannot be applied; <c>-o json</c> prints the plan as the server returns it.
/// </summary>
internal sealed class EditionApplyCommand : CrmCommand
{
    public const string Plan = "plan";
    public const string Install = "install";
    public const string Upgrade = "upgrade";

    private readonly string _verb;

    private readonly Argument<string> _reference = new("edition")
    {
        Description = "The edition's package id, optionally with @version (default the highest version on the feeds)",
    };

    private readonly Option<bool> _prerelease = new("--prerelease")
    {
        Description = "Allow a prerelease version when no version is given",
    };

    private readonly Option<bool> _upgrade = new("--upgrade")
    {
        Description = "Plan an upgrade of the installed edition (default: an install)",
    };

    public EditionApplyCommand(CliRuntime runtime, string verb)
        : base(verb, Describe(verb), runtime)
    {
        _verb = verb;
        Add(_reference);
        Add(_prerelease);
        if (verb == Plan)
        {
            Add(_upgrade);
        }
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (id, version) = EditionCommand.ParseReference(context.ParseResult.GetRequiredValue(_reference));
        var body = new JsonObject { ["id"] = id, ["version"] = version, ["prerelease"] = context.ParseResult.GetValue(_prerelease) };
        if (_verb == Plan)
        {
            body["operation"] = context.ParseResult.GetValue(_upgrade) ? "upgrade" : "install";
        }

        var response = await context.Client.SendAsync(HttpMethod.Post, ApiPaths.Editions + "/" + _verb, body, ifMatchVersion: null, cancellationToken);
        var plan = response.Body as JsonObject ?? [];
        if (context.Json)
        {
            context.WriteJson(plan);
        }
        else
        {
            EditionOutput.WritePlan(context.Out, plan);
            if (_verb != Plan && plan["upToDate"]?.GetValue<bool>() != true)
            {
                context.Out.WriteLine(CliMessages.EditionApplied(id, plan["toVersion"]?.GetValue<string>() ?? ""));
            }
        }

        return plan["canApply"]?.GetValue<bool>() == false ? ExitCodes.Refused : ExitCodes.Ok;
    }

    private static string Describe(string verb) => verb switch
    {
        Plan => "Show what installing (or with --upgrade, upgrading to) an edition would change, changing nothing",
        Install => "Install an edition from the server's feeds: plugins, metadata, workflows, templates, seed data and settings, all or nothing",
        _ => "Upgrade an installed edition to a newer version, all or nothing (records are kept; declared renames move values)",
    };
}
