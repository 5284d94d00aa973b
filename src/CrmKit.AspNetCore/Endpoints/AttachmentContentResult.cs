using System.Globalization;
using System.Text;
using CrmKit.AspNetCore.Problems;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// Sends an attachment's content (200, 206), or only its headers (304), or a 416 problem. The content is copied
/// from the store's stream to the response in small buffers and disposed afterwards.
/// </summary>
internal sealed class AttachmentContentResult(
    StoredAttachment attachment, string etag, FileReadResult? content, FileRange? range, int statusCode) : IResult
{
    private const int CopyBufferSize = 81920;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var _ = content;
        var response = httpContext.Response;
        var headers = response.Headers;
        headers.ETag = etag;
        headers.AcceptRanges = "bytes";
        headers.CacheControl = "private, no-cache";
        if (statusCode == StatusCodes.Status304NotModified)
        {
            response.StatusCode = statusCode;
            return;
        }

        if (statusCode == StatusCodes.Status416RangeNotSatisfiable)
        {
            headers.ContentRange = "bytes */" + attachment.Length.ToString(CultureInfo.InvariantCulture);
            var problem = new ApiProblemException(416, "attachment.range_not_satisfiable",
                Resources.ApiMessages.Text("attachment.range_not_satisfiable", attachment.Length));
            await new ProblemResult(problem, httpContext).ExecuteAsync(httpContext);
            return;
        }

        response.StatusCode = statusCode;
        response.ContentType = attachment.ContentType;
        headers.ContentDisposition = ContentDisposition(attachment.FileName);
        headers.XContentTypeOptions = "nosniff";
        response.ContentLength = content!.ContentLength;
        if (range is not null)
        {
            headers.ContentRange = string.Create(CultureInfo.InvariantCulture,
                $"bytes {range.Offset}-{range.Offset + range.Length!.Value - 1}/{attachment.Length}");
        }

        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        await content.Content.CopyToAsync(response.Body, CopyBufferSize, httpContext.RequestAborted);
    }

    /// <summary>
    /// <c>attachment; filename="..."; filename*=UTF-8''...</c> (RFC 6266): an ASCII fallback for old clients and the
    /// exact name, percent-encoded as RFC 8187 says.
    /// </summary>
    internal static string ContentDisposition(string fileName)
    {
        var fallback = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            fallback.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' and not '%' ? c : '_');
        }

        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(fileName))
        {
            var c = (char)b;
            if (b < 128 && (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}";
    }
}
