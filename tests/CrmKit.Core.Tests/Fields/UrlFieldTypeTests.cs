using CrmKit.Core.Fields;
using CrmKit.Core.Fields.BuiltIn;

namespace CrmKit.Core.Tests.Fields;

public sealed class UrlFieldTypeTests
{
    private readonly UrlFieldType _type = new();

    [Theory]
    [InlineData("https://example.com", "https://example.com")]
    [InlineData("http://example.com/path?q=1#top", "http://example.com/path?q=1#top")]
    [InlineData("HTTPS://Example.COM/Path", "HTTPS://Example.COM/Path")]
    [InlineData("  https://пример.рф/  ", "https://пример.рф/")]
    [InlineData("https://user@example.com:8443/a%20b", "https://user@example.com:8443/a%20b")]
    public void Normalize_ShouldAcceptHttpAndHttpsUrls(string input, string expected)
    {
        var context = _type.Normalize(System.Text.Json.JsonSerializer.Serialize(input));

        context.ShouldBeAccepted();
        context.StringValue().ShouldBe(expected);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example.com/a.txt")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:sales@example.com")]
    [InlineData("data:text/html,<b>x</b>")]
    public void Normalize_ShouldRefuseOtherSchemes(string input)
    {
        _type.Normalize(System.Text.Json.JsonSerializer.Serialize(input))
            .ShouldBeRefusedWith(FieldErrorCodes.UrlSchemeNotAllowed);
    }

    [Theory]
    [InlineData("http:example.com")]
    [InlineData("https:/example.com")]
    public void Normalize_ShouldRefuseUrlsWithoutHost(string input)
    {
        _type.Normalize($"\"{input}\"").ShouldBeRefusedWith(FieldErrorCodes.UrlHostRequired);
    }

    [Theory]
    [InlineData("\"example.com\"")]
    [InlineData("\"/relative/path\"")]
    [InlineData("\"://no-scheme\"")]
    [InlineData("42")]
    public void Normalize_ShouldLeaveNonAbsoluteValuesToTheSchema(string json)
    {
        var context = _type.Normalize(json);

        context.ShouldBeAccepted();
        context.Value.ToJsonString().ShouldBe(json);
    }
}
