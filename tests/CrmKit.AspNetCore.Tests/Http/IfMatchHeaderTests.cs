using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Problems;

namespace CrmKit.AspNetCore.Tests.Http;

public sealed class IfMatchHeaderTests
{
    [Theory]
    [InlineData("\"3\"", 3L)]
    [InlineData("W/\"3\"", 3L)]
    [InlineData(" \"42\" ", 42L)]
    [InlineData("*", null)]
    public void Parse_ShouldReadTheVersion(string header, long? expected)
    {
        IfMatchHeader.Parse(header).ShouldBe(expected);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("\"\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"0\"")]
    [InlineData("\"1.5\"")]
    [InlineData("\"99999999999999999999\"")]
    [InlineData("w/\"3\"")]
    [InlineData("")]
    public void Parse_ShouldRefuseMalformedValues(string header)
    {
        Should.Throw<ApiProblemException>(() => IfMatchHeader.Parse(header)).Code.ShouldBe("request.invalid_if_match");
    }

    [Fact]
    public void Format_ShouldQuoteTheVersion()
    {
        IfMatchHeader.Format(7).ShouldBe("\"7\"");
    }
}
