using CrmKit.AspNetCore.Endpoints;
using Microsoft.Net.Http.Headers;

namespace CrmKit.AspNetCore.Tests.Files;

/// <summary>Content-Disposition as RFC 6266 and RFC 8187 ask, read back by a standard parser.</summary>
public sealed class ContentDispositionTests
{
    [Theory]
    [InlineData("offer.pdf", "offer.pdf")]
    [InlineData("Счёт №1.pdf", "____ _1.pdf")]
    [InlineData("quote\"back\\slash%.txt", "quote_back_slash_.txt")]
    [InlineData("semi;colon, comma.txt", "semi;colon, comma.txt")]
    [InlineData("😀 smile.png", "__ smile.png")]
    public void ContentDisposition_ShouldCarryTheExactNameInFilenameStar_AndAnAsciiFallback(string name, string fallback)
    {
        var header = AttachmentContentResult.ContentDisposition(name);

        ContentDispositionHeaderValue.TryParse(header, out var parsed).ShouldBeTrue(header);
        parsed!.DispositionType.Value.ShouldBe("attachment");
        parsed.FileNameStar.Value.ShouldBe(name);
        HeaderUtilities.RemoveQuotes(parsed.FileName).Value.ShouldBe(fallback);
        header.ShouldAllBe(c => c >= ' ' && c < 127);
    }
}
