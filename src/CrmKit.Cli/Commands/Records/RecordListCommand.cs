using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Records;

/// <summary>
/// <c>crmkit record list &lt;entity&gt;</c>: <c>GET /api/records/{entity}</c> with filter, sort, select, limit,
/// after and count; <c>--all</c> follows the <c>next</c> cursors and prints every page as one list.
/// </summary>
internal sealed class RecordListCommand : CrmCommand
{
    /// <summary>Stops <c>--all</c> on a server that never ends its cursor chain.</summary>
    private const int MaxPages = 100_000;

    private readonly Argument<string> _entity = CommandArguments.Entity();

    private readonly Option<string?> _filter = new("--filter", "-f")
    {
        Description = "A filter expression, for example \"stage eq 'won' and amount ge 1000\"",
        HelpName = "expression",
    };

    private readonly Option<string?> _sort = new("--sort")
    {
        Description = "Sort keys, for example \"amount desc,created_at\" (default: id, the creation order)",
        HelpName = "keys",
    };

    private readonly Option<string?> _select = new("--select")
    {
        Description = "The fields to return and show, comma-separated (id and version always come back)",
        HelpName = "a,b",
    };

    private readonly Option<int?> _limit = new("--limit", "-n")
    {
        Description = "Records per page, 1..1000 (server default 50)",
        HelpName = "n",
    };

    private readonly Option<string?> _after = new("--after")
    {
        Description = "Start after this cursor (the 'next' value of the previous page)",
        HelpName = "cursor",
    };

    private readonly Option<bool> _all = new("--all")
    {
        Description = "Follow the next cursors and return every matching record",
    };

    private readonly Option<bool> _count = new("--count")
    {
        Description = "Also return the total number of matching records",
    };

    private readonly Option<bool> _deleted = new("--deleted")
    {
        Description = "List the recycle bin (deleted records) instead of live records",
    };

    public RecordListCommand(CliRuntime runtime)
        : base("list", "List the records of an entity", runtime)
    {
        Add(_entity);
        Add(_filter);
        Add(_sort);
        Add(_select);
        Add(_limit);
        Add(_after);
        Add(_all);
        Add(_count);
        Add(_deleted);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var entity = parseResult.GetRequiredValue(_entity);
        var all = parseResult.GetValue(_all);
        var after = parseResult.GetValue(_after);
        var count = parseResult.GetValue(_count);

        var firstPage = await GetPageAsync(context, entity, after, count, cancellationToken);
        var result = firstPage;
        if (all)
        {
            result = await FollowCursorsAsync(context, entity, firstPage, cancellationToken);
        }

        if (context.Json)
        {
            context.WriteJson(result);
            return ExitCodes.Ok;
        }

        var items = RecordOutput.Items(result);
        var select = parseResult.GetValue(_select)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        RecordOutput.WriteList(context.Out, items, select);
        WriteFooter(context.Out, result, items.Count);
        return ExitCodes.Ok;
    }

    private async Task<JsonNode?> FollowCursorsAsync(
        CommandContext context, string entity, JsonNode? firstPage, CancellationToken cancellationToken)
    {
        var items = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var page = firstPage;
        for (var pages = 1; ; pages++)
        {
            foreach (var item in page?["items"] as JsonArray ?? [])
            {
                items.Add(item?.DeepClone());
            }

            var next = JsonText.GetString(page, "next");
            if (next is null)
            {
                break;
            }

            if (!seen.Add(next) || pages >= MaxPages)
            {
                throw new ServerUnavailableException(CliMessages.EndlessPages(context.Client.Server, next, MaxPages));
            }

            page = await GetPageAsync(context, entity, next, count: false, cancellationToken);
        }

        var result = new JsonObject { ["items"] = items, ["next"] = null };
        if (firstPage?["total"] is { } total)
        {
            result["total"] = total.DeepClone();
        }

        return result;
    }

    private Task<JsonNode?> GetPageAsync(
        CommandContext context, string entity, string? after, bool count, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var path = ApiPaths.WithQuery(ApiPaths.Records(entity),
        [
            new("filter", parseResult.GetValue(_filter)),
            new("sort", parseResult.GetValue(_sort)),
            new("select", parseResult.GetValue(_select)),
            new("limit", parseResult.GetValue(_limit)?.ToString(CultureInfo.InvariantCulture)),
            new("after", after),
            new("count", count ? "true" : null),
            new("deleted", parseResult.GetValue(_deleted) ? "true" : null),
        ]);
        return context.Client.GetAsync(path, cancellationToken);
    }

    private static void WriteFooter(TextWriter writer, JsonNode? page, int shown)
    {
        var footer = page?["total"] is { } total
            ? CliMessages.RecordCountOfTotal(shown, JsonText.ToCell(total))
            : CliMessages.RecordCount(shown);
        if (JsonText.GetString(page, "next") is { } next)
        {
            footer += CliMessages.MoreWithAfter(next);
        }

        writer.WriteLine(footer);
    }
}
