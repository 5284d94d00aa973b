using System.Text.Json;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.AspNetCore.Problems;
using CrmKit.AspNetCore.Security;
using CrmKit.Core.Files;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// Files attached to records: <c>/api/records/{entity}/{id}/attachments[/{attachmentId}[/content]]</c>. Uploads
/// (multipart/form-data or the raw body) and downloads (with ranges) stream straight between the client and the file
/// store; no body is held in memory.
/// </summary>
internal static class AttachmentEndpoints
{
    /// <summary>Room for multipart boundaries and part headers on top of the file size limit.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var attachments = endpoints.MapGroup("/api/records/{entity}/{id}/attachments")
            .WithMetadata(new RequiredApiKeyScope(ApiKeyScopes.Write));
        attachments.MapGet("", ListAsync);
        attachments.MapPost("", UploadAsync);
        attachments.MapGet("/{attachmentId}", GetAsync);
        attachments.MapDelete("/{attachmentId}", DeleteAsync);
        attachments.MapGet("/{attachmentId}/content", DownloadAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, string entity, string id)
    {
        var recordId = ParseRecordId(entity, id);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var items = await ApiRequest.GetService<IAttachmentService>(context).ListAsync(principal, entity, recordId, context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var item in items)
            {
                Write(w, item);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(HttpContext context, string entity, string id, string attachmentId)
    {
        var recordId = ParseRecordId(entity, id);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var attachment = await ApiRequest.GetService<IAttachmentService>(context)
            .GetAsync(principal, entity, recordId, ParseAttachmentId(attachmentId), context.RequestAborted);
        return new JsonWriterResult(StatusCodes.Status200OK, w => Write(w, attachment)) { ETag = ETagOf(attachment) };
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string entity, string id, string attachmentId)
    {
        var recordId = ParseRecordId(entity, id);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        await ApiRequest.GetService<IAttachmentService>(context)
            .DeleteAsync(principal, entity, recordId, ParseAttachmentId(attachmentId), context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> UploadAsync(HttpContext context, string entity, string id)
    {
        var recordId = ParseRecordId(entity, id);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var service = ApiRequest.GetService<IAttachmentService>(context);
        var limit = ApiRequest.GetService<IOptionsMonitor<FileStoreOptions>>(context).CurrentValue.MaxFileBytes;
        var request = context.Request;
        var multipart = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) &&
            mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        var bodyLimit = multipart ? limit + MultipartOverhead : limit;
        if (request.ContentLength > bodyLimit)
        {
            throw new ApiProblemException(413, AttachmentErrors.TooLarge, Resources.ApiMessages.Text(AttachmentErrors.TooLarge, limit));
        }

        // The API's default body limit is for JSON; an attachment may be as large as the file limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = bodyLimit;
        }

        StoredAttachment attachment;
        if (multipart)
        {
            var boundary = HeaderUtilities.RemoveQuotes(mediaType!.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                throw Bad("attachment.invalid_multipart");
            }

            // The first part with a file name is the file; other parts (form fields) are skipped without being kept.
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
            MultipartSection? section;
            ContentDispositionHeaderValue? disposition = null;
            while ((section = await reader.ReadNextSectionAsync(context.RequestAborted)) is not null)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out disposition) && disposition.IsFileDisposition())
                {
                    break;
                }
            }

            if (section is null || disposition is null)
            {
                throw Bad("attachment.missing_file");
            }

            var fileName = disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            attachment = await service.UploadAsync(principal, entity, recordId, new AttachmentUpload
            {
                FileName = fileName,
                ContentType = section.ContentType,
                Content = section.Body,
            }, context.RequestAborted);
        }
        else
        {
            string? fileName = request.Query["fileName"] is { Count: > 0 } named ? named[0] : null;
            if (fileName is null && ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition))
            {
                fileName = disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            }

            attachment = await service.UploadAsync(principal, entity, recordId, new AttachmentUpload
            {
                FileName = fileName,
                ContentType = request.ContentType,
                Content = request.Body,
                Length = request.ContentLength,
            }, context.RequestAborted);
        }

        return new JsonWriterResult(StatusCodes.Status201Created, w => Write(w, attachment))
        {
            Location = ApiRequest.ChildLocation(context, attachment.Id.ToString("D")),
            ETag = ETagOf(attachment),
        };
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, string entity, string id, string attachmentId)
    {
        var recordId = ParseRecordId(entity, id);
        var principal = await ApiRequest.GetPrincipalAsync(context);
        var service = ApiRequest.GetService<IAttachmentService>(context);
        var attachment = await service.GetAsync(principal, entity, recordId, ParseAttachmentId(attachmentId), context.RequestAborted);
        var etag = ETagOf(attachment);
        var request = context.Request;
        if (HttpRanges.Matches(request.Headers.IfNoneMatch, etag))
        {
            return new AttachmentContentResult(attachment, etag, null, null, StatusCodes.Status304NotModified);
        }

        var range = HttpRanges.Parse(request, etag, attachment.Length, out var unsatisfiable);
        if (unsatisfiable)
        {
            return new AttachmentContentResult(attachment, etag, null, null, StatusCodes.Status416RangeNotSatisfiable);
        }

        var content = await service.OpenContentAsync(attachment, range, context.RequestAborted);
        return new AttachmentContentResult(attachment, etag, content, range, range is null ? StatusCodes.Status200OK : StatusCodes.Status206PartialContent);
    }

    private static Guid ParseRecordId(string entity, string id) =>
        Guid.TryParseExact(id, "D", out var recordId) ? recordId : throw ApiErrors.RecordNotFound(entity, id);

    private static Guid ParseAttachmentId(string id) =>
        Guid.TryParseExact(id, "D", out var attachmentId)
            ? attachmentId
            : throw new ApiProblemException(404, AttachmentErrors.NotFound, Resources.ApiMessages.Text(AttachmentErrors.NotFound, id));

    private static ApiProblemException Bad(string code) => new(400, code, Resources.ApiMessages.Text(code));

    internal static string ETagOf(StoredAttachment attachment) => "\"" + attachment.Sha256 + "\"";

    private static void Write(Utf8JsonWriter w, StoredAttachment attachment)
    {
        w.WriteStartObject();
        w.WriteString("id", attachment.Id.ToString("D"));
        w.WriteString("entity", attachment.Entity);
        w.WriteString("recordId", attachment.RecordId.ToString("D"));
        w.WriteString("fileName", attachment.FileName);
        w.WriteString("contentType", attachment.ContentType);
        w.WriteNumber("length", attachment.Length);
        w.WriteString("sha256", attachment.Sha256);
        w.WriteString("store", attachment.Store);
        w.WriteString("createdAt", CanonicalInstant.ToText(attachment.CreatedAt));
        w.WriteString("createdBy", attachment.CreatedBy);
        w.WriteEndObject();
    }
}
