using System.CommandLine;
using System.Text;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Records;

/// <summary>
/// <c>crmkit record export &lt;entity&gt; [--filter F] [--sort S] [--select a,b] [--delimiter ,|;|tab] [--file out.csv]</c>:
/// <c>GET /api/records/{entity}/export</c>, which answers CSV (UTF-8 with a byte-order mark). The body is streamed as
/// it is to the file or, without <c>--file</c>, to standard output; <c>--output</c> does not change it.
/// </summary>
internal sealed class RecordExportCommand : CrmCommand
{
    private const string CsvMediaType = "text/csv";

    private readonly Argument<string> _entity = CommandArguments.Entity();

    private readonly Option<string?> _filter = new("--filter", "-f")
    {
        Description = "A filter expression, for example \"stage eq 'won'\"",
        HelpName = "expression",
    };

    private readonly Option<string?> _sort = new("--sort")
    {
        Description = "Sort keys, for example \"amount desc\"",
        HelpName = "keys",
    };

    private readonly Option<string?> _select = new("--select")
    {
        Description = "The columns to export, comma-separated (id always comes first) [default: every field you may read]",
        HelpName = "a,b",
    };

    private readonly Option<string?> _delimiter = new("--delimiter")
    {
        Description = "The column separator [default: ,]",
        HelpName = ",|;|tab",
    };

    private readonly Option<string?> _file = new("--file")
    {
        Description = "Write the CSV to this file (replaced only once the whole export arrived) instead of standard output",
        HelpName = "path",
    };

    public RecordExportCommand(CliRuntime runtime)
        : base("export", "Export the records of an entity as CSV (needs the export permission)", runtime)
    {
        _delimiter.AcceptOnlyFromAmong(",", ";", "tab");
        Add(_entity);
        Add(_filter);
        Add(_sort);
        Add(_select);
        Add(_delimiter);
        Add(_file);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var entity = parseResult.GetRequiredValue(_entity);
        var path = ApiPaths.WithQuery(ApiPaths.RecordExport(entity),
        [
            new("filter", parseResult.GetValue(_filter)),
            new("sort", parseResult.GetValue(_sort)),
            new("select", parseResult.GetValue(_select)),
            new("delimiter", parseResult.GetValue(_delimiter)),
        ]);
        if (parseResult.GetValue(_file) is not { } file)
        {
            await ExportToStdoutAsync(context, path, cancellationToken);
            return ExitCodes.Ok;
        }

        var rows = await ExportToFileAsync(context, path, file, cancellationToken);
        if (!context.Json)
        {
            context.Out.WriteLine(CliMessages.RecordsExported(rows, entity, file));
        }

        return ExitCodes.Ok;
    }

    private static async Task ExportToStdoutAsync(CommandContext context, string path, CancellationToken cancellationToken)
    {
        // The decoder keeps a character whose bytes are split between two chunks; the byte-order mark passes through.
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        await context.Client.DownloadAsync(path, CsvMediaType, (chunk, _) =>
        {
            var chars = new char[decoder.GetCharCount(chunk.Span, flush: false)];
            decoder.GetChars(chunk.Span, chars, flush: false);
            return new ValueTask(context.Out.WriteAsync(chars));
        }, cancellationToken);
        await context.Out.FlushAsync(cancellationToken);
    }

    /// <summary>Downloads into a temporary file next to <paramref name="file"/>, then moves it there; returns the data rows.</summary>
    private static async Task<long> ExportToFileAsync(CommandContext context, string path, string file, CancellationToken cancellationToken)
    {
        string target, temporary;
        FileStream stream;
        try
        {
            target = Path.GetFullPath(file);
            if (Directory.Exists(target))
            {
                throw new CliUsageException(CliMessages.CannotWriteFile("--file", file, CliMessages.ReasonIsFolder));
            }

            temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
            stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81920, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Checked before anything is sent: a path that cannot be written is a usage error, like one that cannot be read.
            throw new CliUsageException(CliMessages.CannotWriteFile("--file", file, ex.Message), ex);
        }

        // Line ends inside quoted cells are not row ends; UTF-8 never has '"' or '\n' bytes inside a multi-byte character.
        long lineEnds = 0;
        var quoted = false;
        var moved = false;
        try
        {
            await using (stream)
            {
                await context.Client.DownloadAsync(path, CsvMediaType, (chunk, token) =>
                {
                    foreach (var b in chunk.Span)
                    {
                        if (b == (byte)'"')
                        {
                            quoted = !quoted;
                        }
                        else if (b == (byte)'\n' && !quoted)
                        {
                            lineEnds++;
                        }
                    }

                    return stream.WriteAsync(chunk, token);
                }, cancellationToken);
            }

            try
            {
                File.Move(temporary, target, overwrite: true);
                moved = true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException(CliMessages.CannotWriteFile("--file", file, ex.Message), ex);
            }
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temporary);
            }
        }

        // The first line is the header.
        return Math.Max(0, lineEnds - 1);
    }
}
