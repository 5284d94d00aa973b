using CrmKit.Cli.Output;

namespace CrmKit.Cli.Tests.Output;

public sealed class TableWriterTests
{
    [Fact]
    public void Write_ShouldAlignColumnsByDisplayWidth()
    {
        var table = new TableWriter(["name", "label", "n"]);
        table.AddRow("first_name", "Имя", "1");
        table.AddRow("email", "Электронная почта", "2");
        table.AddRow("company", "会社", "3");

        var lines = Write(table);

        lines.ShouldBe(
        [
            "NAME        LABEL              N",
            "first_name  Имя                1",
            "email       Электронная почта  2",
            "company     会社               3",
        ]);
    }

    [Fact]
    public void Write_ShouldTruncateLongCellsWithEllipsis()
    {
        var table = new TableWriter(["value"], maxCellWidth: 8);
        table.AddRow("Очень длинное значение");

        Write(table)[1].ShouldBe("Очень д…");
    }

    [Fact]
    public void Write_ShouldKeepEachRowOnOneLine()
    {
        var table = new TableWriter(["a", "b"]);
        table.AddRow("line one\nline two", "tab\there");

        Write(table).ShouldBe(["A                  B", "line one line two  tab here"]);
    }

    [Fact]
    public void Write_ShouldLeaveMissingCellsEmptyWithoutTrailingSpaces()
    {
        var table = new TableWriter(["id", "name"]);
        table.AddRow("1");

        Write(table).ShouldBe(["ID  NAME", "1"]);
    }

    private static string[] Write(TableWriter table)
    {
        using var writer = new StringWriter();
        table.Write(writer);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
