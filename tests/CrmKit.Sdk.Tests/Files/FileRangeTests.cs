using CrmKit.Sdk.Files;

namespace CrmKit.Sdk.Tests.Files;

public class FileRangeTests
{
    [Fact]
    public void Clamp_ShouldKeepRange_WhenInsideContent()
    {
        new FileRange(10, 20).Clamp(100).ShouldBe(new FileRange(10, 20));
    }

    [Fact]
    public void Clamp_ShouldCutAtEnd_WhenRangeRunsPastIt()
    {
        new FileRange(90, 20).Clamp(100).ShouldBe(new FileRange(90, 10));
    }

    [Fact]
    public void Clamp_ShouldGiveExactLength_WhenOpenEnded()
    {
        new FileRange(40).Clamp(100).ShouldBe(new FileRange(40, 60));
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(150, 100)]
    [InlineData(0, 0)]
    public void Clamp_ShouldReturnNull_WhenRangeStartsAtOrPastEnd(long offset, long totalLength)
    {
        new FileRange(offset).Clamp(totalLength).ShouldBeNull();
    }

    [Fact]
    public void Last_ShouldTakeFinalBytes()
    {
        FileRange.Last(500, 10_000).ShouldBe(new FileRange(9_500, 500));
    }

    [Fact]
    public void Last_ShouldTakeWholeContent_WhenCountExceedsLength()
    {
        FileRange.Last(500, 200).ShouldBe(new FileRange(0, 200));
    }

    [Fact]
    public void Last_ShouldReturnNull_WhenContentIsEmpty()
    {
        FileRange.Last(500, 0).ShouldBeNull();
    }

    [Fact]
    public void Constructor_ShouldThrow_WhenOffsetIsNegative()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new FileRange(-1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_ShouldThrow_WhenLengthIsNotPositive(long length)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new FileRange(0, length));
    }

    [Fact]
    public void ToString_ShouldUseHttpStyleBounds()
    {
        new FileRange(0, 100).ToString().ShouldBe("bytes 0-99");
        new FileRange(100).ToString().ShouldBe("bytes 100-");
    }
}
