using System.Text;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Problems;

namespace CrmKit.AspNetCore.Tests.Http;

public sealed class JsonBodyReaderTests
{
    [Theory]
    [InlineData(1, "{}")]
    [InlineData(2, "{\"a\": []}")]
    [InlineData(3, "[[[1]]]")]
    public void Parse_ShouldAcceptNesting_UpToTheLimit(int maxDepth, string json)
    {
        JsonBodyReader.Parse(Encoding.UTF8.GetBytes(json), maxDepth).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(1, "{\"a\": {}}")]
    [InlineData(2, "[[[1]]]")]
    public void Parse_ShouldRefuseNesting_BeyondTheLimit(int maxDepth, string json)
    {
        var error = Should.Throw<ApiProblemException>(() => JsonBodyReader.Parse(Encoding.UTF8.GetBytes(json), maxDepth));

        error.Code.ShouldBe("request.too_deep");
        error.Status.ShouldBe(400);
    }

    [Fact]
    public void Parse_ShouldKeepTheExactTextOfNumbers()
    {
        var node = JsonBodyReader.Parse("""{"a": 0.10, "b": 12345678901234.5600, "c": 1e400}"""u8.ToArray(), 32);

        node!.ToJsonString().ShouldBe("""{"a":0.10,"b":12345678901234.5600,"c":1e400}""");
    }

    [Fact]
    public void Parse_ShouldSkipAUtf8ByteOrderMark()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "{\"a\": 1}"u8];

        JsonBodyReader.Parse(body, 32)!["a"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'"', 0xC3, 0x28, (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', 0xF8, 0x88, 0x80, 0x80, 0x80, (byte)'"' })]
    public void Parse_ShouldRefuseInvalidUtf8AsMalformedJson(byte[] body)
    {
        var error = Should.Throw<ApiProblemException>(() => JsonBodyReader.Parse(body, 32));

        error.Code.ShouldBe("request.malformed_json");
    }

    [Theory]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{'a': 1}")]
    [InlineData("{\"a\": 1} // comment")]
    [InlineData("{\"a\": NaN}")]
    [InlineData("\"\\uDC00\"")]
    [InlineData("{\"a\": 1, \"a\": 2}")]
    [InlineData("   ")]
    public void Parse_ShouldRefuseMalformedJson(string json)
    {
        var error = Should.Throw<ApiProblemException>(() => JsonBodyReader.Parse(Encoding.UTF8.GetBytes(json), 32));

        error.Code.ShouldBe("request.malformed_json");
        error.Status.ShouldBe(400);
    }
}
