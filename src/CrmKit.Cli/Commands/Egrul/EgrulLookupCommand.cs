using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Egrul;

/// <summary>
/// <c>crmkit egrul lookup &lt;inn|ogrn&gt; [--kpp KPP] [--branch main|branch] [--refresh]</c>:
/// <c>GET /api/integrations/egrul/{innOrOgrn}</c>. Prints each entry as a property table, the head office first, and a
/// warning for a liquidated, liquidating or bankrupt company. An invalid INN is refused by the server with the reason
/// (exit 1, nothing sent to the registry); not found is exit 1; a provider that is down is exit 3.
/// </summary>
internal sealed class EgrulLookupCommand : CrmCommand
{
    private readonly Argument<string> _query = new("inn-or-ogrn") { Description = "An INN (10 or 12 digits), OGRN (13) or OGRNIP (15)" };
    private readonly Option<string?> _kpp = new("--kpp") { Description = "The KPP of one subdivision (head office or branch)" };
    private readonly Option<string?> _branch = new("--branch") { Description = "Only the head office (main) or only branches (branch)" };
    private readonly Option<bool> _refresh = new("--refresh") { Description = "Ask the registry again instead of answering from the cache" };

    public EgrulLookupCommand(CliRuntime runtime)
        : base("lookup", "Find a company or entrepreneur by INN or OGRN: names, requisites, address, director, status", runtime)
    {
        _branch.AcceptOnlyFromAmong("main", "branch");
        Add(_query);
        Add(_kpp);
        Add(_branch);
        Add(_refresh);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.ParseResult;
        var path = ApiPaths.WithQuery(ApiPaths.EgrulLookup(parse.GetRequiredValue(_query)),
        [
            new("kpp", parse.GetValue(_kpp)),
            new("branch", parse.GetValue(_branch)),
            new("refresh", parse.GetValue(_refresh) ? "true" : null),
        ]);
        var answer = await context.Client.GetAsync(path, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(answer);
            return ExitCodes.Ok;
        }

        var items = (answer?["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                context.Out.WriteLine();
            }

            Write(context.Out, items[i]);
        }

        if (items.Count > 1)
        {
            context.Out.WriteLine();
            context.Out.WriteLine(CliMessages.EgrulEntries(items.Count));
        }

        return ExitCodes.Ok;
    }

    private static void Write(TextWriter writer, JsonObject entry)
    {
        var table = new TableWriter([CliMessages.HeaderField, CliMessages.HeaderValue], maxCellWidth: null);
        table.AddRow(CliMessages.EgrulShortName, JsonText.ToCell(entry["shortName"]));
        table.AddRow(CliMessages.EgrulFullName, JsonText.ToCell(entry["fullName"]));
        table.AddRow(CliMessages.EgrulKind, JsonText.ToCell(entry["kind"]));
        table.AddRow(CliMessages.EgrulInn, JsonText.ToCell(entry["inn"]));
        table.AddRow(CliMessages.EgrulKpp, JsonText.ToCell(entry["kpp"]));
        table.AddRow(CliMessages.EgrulOgrn, JsonText.ToCell(entry["ogrn"]));
        table.AddRow(CliMessages.EgrulOkpo, JsonText.ToCell(entry["okpo"]));
        table.AddRow(CliMessages.EgrulBranch, JsonText.ToCell(entry["branchType"]));
        table.AddRow(CliMessages.EgrulStatus, JsonText.ToCell(entry["status"]));
        table.AddRow(CliMessages.EgrulRegistered, JsonText.ToCell(entry["registrationDate"]));
        table.AddRow(CliMessages.EgrulLiquidated, JsonText.ToCell(entry["liquidationDate"]));
        table.AddRow(CliMessages.EgrulAddress, JsonText.ToCell(entry["legalAddress"]));
        table.AddRow(CliMessages.EgrulDirector, Director(entry));
        table.AddRow(CliMessages.EgrulOkved, JsonText.ToCell(entry["mainOkved"]));
        table.Write(writer);
        if (entry["windingDown"] is JsonValue flag && flag.TryGetValue<bool>(out var windingDown) && windingDown)
        {
            writer.WriteLine(CliMessages.EgrulWindingDown(JsonText.ToCell(entry["status"])));
        }
    }

    private static string Director(JsonObject entry)
    {
        var name = JsonText.ToCell(entry["directorName"]);
        var post = JsonText.ToCell(entry["directorPost"]);
        return post.Length == 0 ? name : $"{name} ({post})";
    }
}
