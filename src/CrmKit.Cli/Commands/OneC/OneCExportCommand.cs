using System.CommandLine;
using System.Globalization;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.OneC;

/// <summary>
/// <c>crmkit 1c export [--since DATE] [--deal ID] [--file out.xml]</c>: <c>GET
/// /api/integrations/accounting/commerceml-2.10/export</c> — deals as CommerceML 2.10 documents, written by the server's
/// crmkit.onec plugin. The body is streamed to the file (replaced only once the whole export arrived) or to standard
/// output.
/// </summary>
internal sealed class OneCExportCommand : CrmCommand
{
    private const string Format = "commerceml-2.10";

    private readonly Option<string?> _since = new("--since")
    {
        Description = "Only deals changed at or after this date or date-time (2026-12-01, 2026-12-01T10:00:00+03:00)",
        HelpName = "date",
    };

    private readonly Option<string?> _deal = new("--deal")
    {
        Description = "Only this deal",
        HelpName = "id",
    };

    private readonly Option<string?> _file = new("--file", "-f")
    {
        Description = "Write the XML to this file instead of standard output",
        HelpName = "path",
    };

    public OneCExportCommand(CliRuntime runtime)
        : base("export", "Export deals as CommerceML 2.10 orders for 1C (needs the export permission on deals)", runtime)
    {
        Add(_since);
        Add(_deal);
        Add(_file);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var since = parseResult.GetValue(_since);
        if (since is not null && !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            throw new CliUsageException(CliMessages.InvalidSince(since));
        }

        var deal = parseResult.GetValue(_deal);
        if (deal is not null && !Guid.TryParse(deal, out _))
        {
            throw new CliUsageException(CliMessages.InvalidDealId(deal));
        }

        var path = ApiPaths.WithQuery($"/api/integrations/accounting/{Format}/export", [new("since", since), new("id", deal)]);
        if (parseResult.GetValue(_file) is not { } file)
        {
            var output = context.Host.Stdout;
            var decoder = new System.Text.UTF8Encoding(false).GetDecoder();
            await context.Client.DownloadAsync(path, "application/xml", (chunk, _) =>
            {
                var chars = new char[decoder.GetCharCount(chunk.Span, flush: false)];
                decoder.GetChars(chunk.Span, chars, flush: false);
                return new ValueTask(output.WriteAsync(chars));
            }, cancellationToken);
            await output.FlushAsync(cancellationToken);
            return ExitCodes.Ok;
        }

        var target = Path.GetFullPath(file);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        FileStream stream;
        try
        {
            stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliUsageException(CliMessages.CannotWriteFile("--file", file, ex.Message), ex);
        }

        var moved = false;
        try
        {
            long bytes;
            await using (stream)
            {
                bytes = await context.Client.DownloadAsync(path, "application/xml", (chunk, token) => stream.WriteAsync(chunk, token), cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
            moved = true;
            if (!context.Json)
            {
                context.Out.WriteLine(CliMessages.CommerceMlExported(file, bytes));
            }
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temporary);
            }
        }

        return ExitCodes.Ok;
    }
}
