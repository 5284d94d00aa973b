namespace CrmKit.Cli.Output;

/// <summary>Writes rows as aligned, space-separated columns, measuring widths in terminal columns.</summary>
internal sealed class TableWriter
{
    private const string ColumnGap = "  ";

    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];
    private readonly int? _maxCellWidth;

    /// <param name="headers">The column titles (written upper-case).</param>
    /// <param name="maxCellWidth">Longer cells are cut with an ellipsis; null keeps them whole.</param>
    public TableWriter(IReadOnlyList<string> headers, int? maxCellWidth = 40)
    {
        _headers = [.. headers.Select(h => h.ToUpperInvariant())];
        _maxCellWidth = maxCellWidth;
    }

    public int RowCount => _rows.Count;

    public void AddRow(params IReadOnlyList<string?> cells)
    {
        var row = new string[_headers.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var cell = Sanitize(i < cells.Count ? cells[i] : null);
            row[i] = _maxCellWidth is { } max ? TextWidth.Truncate(cell, max) : cell;
        }

        _rows.Add(row);
    }

    public void Write(TextWriter writer)
    {
        var widths = _headers.Select(TextWidth.Of).ToArray();
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], TextWidth.Of(row[i]));
            }
        }

        WriteRow(writer, _headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var parts = new string[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            // The last column is not padded so lines carry no trailing spaces.
            parts[i] = i == cells.Length - 1 ? cells[i] : TextWidth.PadRight(cells[i], widths[i]);
        }

        writer.WriteLine(string.Join(ColumnGap, parts).TrimEnd());
    }

    // A cell must stay on one line: line breaks and tabs inside values would break the columns.
    private static string Sanitize(string? cell) =>
        string.IsNullOrEmpty(cell)
            ? string.Empty
            : cell.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
