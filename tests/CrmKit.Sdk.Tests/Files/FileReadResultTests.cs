using CrmKit.Sdk.Files;

namespace CrmKit.Sdk.Tests.Files;

public class FileReadResultTests
{
    [Fact]
    public void ContentLength_ShouldBeTotalLength_WhenWholeContent()
    {
        using var result = new FileReadResult(new MemoryStream(new byte[10]), 10);

        result.ContentLength.ShouldBe(10);
        result.Range.ShouldBeNull();
    }

    [Fact]
    public void ContentLength_ShouldBeRangeLength_WhenRange()
    {
        using var result = new FileReadResult(new MemoryStream(new byte[4]), 10, new FileRange(6, 4));

        result.ContentLength.ShouldBe(4);
    }

    [Fact]
    public void Constructor_ShouldThrow_WhenRangeIsOpenEnded()
    {
        Should.Throw<ArgumentException>(() => new FileReadResult(new MemoryStream(), 10, new FileRange(5)));
    }

    [Fact]
    public void Constructor_ShouldThrow_WhenRangeRunsPastContent()
    {
        Should.Throw<ArgumentException>(() => new FileReadResult(new MemoryStream(), 10, new FileRange(5, 6)));
    }

    [Fact]
    public async Task DisposeAsync_ShouldDisposeContent()
    {
        var stream = new MemoryStream(new byte[3]);

        await new FileReadResult(stream, 3).DisposeAsync();

        stream.CanRead.ShouldBeFalse();
    }
}
