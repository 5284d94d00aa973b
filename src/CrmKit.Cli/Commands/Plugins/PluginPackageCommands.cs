using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Plugins;

/// <summary><c>crmkit plugin search [query] [--prerelease]</c>: <c>GET /api/plugin-packages/search</c>.</summary>
internal sealed class PluginSearchCommand : CrmCommand
{
    private readonly Argument<string> _query = new("query") { Description = "Words to look for (empty lists every plugin package)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _prerelease = new("--prerelease") { Description = "Include prerelease versions" };

    public PluginSearchCommand(CliRuntime runtime)
        : base("search", "Search the server's NuGet feeds for plugin packages", runtime)
    {
        Add(_query);
        Add(_prerelease);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var path = ApiPaths.PluginPackagesSearch(context.ParseResult.GetValue(_query) ?? string.Empty, context.ParseResult.GetValue(_prerelease));
        try
        {
            var list = await context.Client.GetAsync(path, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(list);
            }
            else
            {
                PluginPackageOutput.WriteSearch(context.Out, list);
            }

            return ExitCodes.Ok;
        }
        catch (ApiProblemException refusal) when (refusal.Problem.Code.StartsWith("plugin_package.", StringComparison.Ordinal))
        {
            return await PluginPackageOutput.WriteRefusalAsync(context, refusal);
        }
    }
}

/// <summary>
/// <c>crmkit plugin install|update|remove &lt;id&gt;... [--dry-run] [--prerelease]</c>: <c>POST /api/plugin-packages/plan</c>
/// with <c>--dry-run</c> (prints the plan; exit 1 when it has problems), else <c>POST /api/plugin-packages/apply</c>.
/// Install takes <c>id</c> or <c>id@range</c>.
/// </summary>
internal sealed class PluginPackageChangeCommand : CrmCommand
{
    public const string Install = "install";
    public const string Update = "update";
    public const string Remove = "remove";

    private readonly Argument<string[]> _ids = new("id") { Description = "Plugin ids (install also takes id@range, such as acme.loyalty@[1.2,2.0))", Arity = ArgumentArity.OneOrMore };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print the plan only; change nothing" };
    private readonly Option<bool> _prerelease = new("--prerelease") { Description = "Allow prerelease versions" };
    private readonly string _action;

    public PluginPackageChangeCommand(CliRuntime runtime, string action)
        : base(action, Describe(action), runtime)
    {
        _action = action;
        Add(_ids);
        Add(_dryRun);
        if (action != Remove)
        {
            Add(_prerelease);
        }
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var ids = new JsonArray([.. context.ParseResult.GetValue(_ids)!.Select(id => (JsonNode)id)]);
        var body = new JsonObject { [_action] = ids };
        if (_action != Remove && context.ParseResult.GetValue(_prerelease))
        {
            body["prerelease"] = true;
        }

        return await PluginPackageRun.RunAsync(context, context.ParseResult.GetValue(_dryRun) ? ApiPaths.PluginPackagesPlan : ApiPaths.PluginPackagesApply,
            body, context.ParseResult.GetValue(_dryRun), cancellationToken);
    }

    private static string Describe(string action) => action switch
    {
        Install => "Install plugins from the server's NuGet feeds, with their dependencies, without a restart",
        Update => "Update installed plugins to the highest version the graph allows",
        Remove => "Remove installed plugins (refused while other plugins depend on them)",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

/// <summary><c>crmkit plugin restore [--dry-run]</c>: <c>POST /api/plugin-packages/restore</c>.</summary>
internal sealed class PluginRestoreCommand : CrmCommand
{
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print the restore plan only; change nothing" };

    public PluginRestoreCommand(CliRuntime runtime)
        : base("restore", "Restore exactly the plugins plugins.lock.json pins (same versions and SHA-512), or fail", runtime)
    {
        Add(_dryRun);
    }

    protected override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var dryRun = context.ParseResult.GetValue(_dryRun);
        return PluginPackageRun.RunAsync(context, ApiPaths.PluginPackagesRestore(dryRun), new JsonObject(), dryRun, cancellationToken);
    }
}

/// <summary>Sends a plan/apply/restore request and prints the outcome.</summary>
internal static class PluginPackageRun
{
    public static async Task<int> RunAsync(CommandContext context, string path, JsonNode body, bool dryRun, CancellationToken cancellationToken)
    {
        try
        {
            var response = await context.Client.SendAsync(HttpMethod.Post, path, body, ifMatchVersion: null, cancellationToken);
            var plan = response.Body;
            var canApply = plan?["canApply"]?.GetValue<bool>() ?? false;
            var problems = plan?["problems"] as JsonArray ?? [];
            if (context.Json)
            {
                context.WriteJson(plan);
            }
            else
            {
                PluginPackageOutput.WritePlan(context.Out, plan);
                var changed = (plan?["steps"] as JsonArray ?? []).Count(s => JsonText.GetString(s, "action") != "keep");
                context.Out.WriteLine(!canApply ? CliMessages.PackageCannotApply(problems.Count)
                    : dryRun ? CliMessages.PackageDryRun
                    : CliMessages.PackageApplied(changed));
            }

            if (canApply)
            {
                return ExitCodes.Ok;
            }

            PluginPackageOutput.WriteProblems(context.Host.Stderr, problems);
            return ExitCodes.Refused;
        }
        catch (ApiProblemException refusal) when (refusal.Problem.Code.StartsWith("plugin_package.", StringComparison.Ordinal))
        {
            return await PluginPackageOutput.WriteRefusalAsync(context, refusal);
        }
    }
}
