using System.Text.Json.Nodes;
using CrmKit.Core.Audit;
using CrmKit.Core.Metadata;
using CrmKit.Core.Modules;
using CrmKit.Core.Records;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Files;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Files;

/// <summary>The default <see cref="IAttachmentService"/>.</summary>
internal sealed class AttachmentService(
    ICrmStore store,
    MetadataRegistry registry,
    AccessControl accessControl,
    ICrmExtensions extensions,
    IOptionsMonitor<FileStoreOptions> options,
    IOptions<AuditOptions> auditOptions,
    TimeProvider clock,
    ILogger<AttachmentService> logger) : IAttachmentService
{
    public const string AttachOperation = "attach";
    public const string DetachOperation = "detach";

    public async Task<StoredAttachment> UploadAsync(
        CrmPrincipal principal, string entity, Guid recordId, AttachmentUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(upload);
        var settings = options.CurrentValue;
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Update);
        var contentType = CheckContentType(upload.ContentType, settings);
        if (upload.Length > settings.MaxFileBytes)
        {
            throw TooLarge(settings);
        }

        // Refuse a missing record (or one the caller may not change) before a byte is stored.
        await using (var read = await SessionLease.OpenStatementReadAsync(store, cancellationToken))
        {
            await LoadRecordAsync(read.Session, compiled, recordId, access, AccessRight.Update, cancellationToken);
        }

        var fileStore = Resolve(settings.Store);
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var key = $"attachments/{entity}/{recordId:N}/{id:N}";
        var limited = new LimitedReadStream(upload.Content, settings.MaxFileBytes);
        StoredFileInfo stored;
        try
        {
            stored = await fileStore.PutAsync(
                new FilePutRequest { Key = key, Content = limited, ContentType = contentType, Length = upload.Length }, cancellationToken);
        }
        catch (Exception) when (limited.Exceeded)
        {
            throw TooLarge(settings);
        }

        var attachment = new StoredAttachment
        {
            Id = id,
            Entity = entity,
            RecordId = recordId,
            FileName = FileNames.Neutralize(upload.FileName),
            ContentType = contentType,
            Length = stored.Length,
            Sha256 = stored.Sha256,
            Store = settings.Store,
            Key = key,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = principal.UserId,
        };
        try
        {
            await using var lease = await SessionLease.OpenAsync(store, write: true, cancellationToken);
            var row = await LoadRecordAsync(lease.Session, compiled, recordId, access, AccessRight.Update, cancellationToken);
            await lease.Session.InsertAttachmentAsync(attachment, cancellationToken);
            await AuditAsync(lease.Session, AttachOperation, entity, row, principal, null, Describe(attachment), cancellationToken);
            await lease.CommitAsync(cancellationToken);
        }
        catch (Exception)
        {
            // No metadata: the content must not stay behind either.
            await TryDeleteContentAsync(fileStore, attachment);
            throw;
        }

        return attachment;
    }

    public async Task<IReadOnlyList<StoredAttachment>> ListAsync(
        CrmPrincipal principal, string entity, Guid recordId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Read);
        await using var lease = await SessionLease.OpenAsync(store, write: false, cancellationToken);
        await LoadRecordAsync(lease.Session, compiled, recordId, access, AccessRight.Read, cancellationToken);
        return await lease.Session.ListAttachmentsAsync(entity, recordId, cancellationToken);
    }

    public async Task<StoredAttachment> GetAsync(
        CrmPrincipal principal, string entity, Guid recordId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Read);
        await using var lease = await SessionLease.OpenAsync(store, write: false, cancellationToken);
        await LoadRecordAsync(lease.Session, compiled, recordId, access, AccessRight.Read, cancellationToken);
        return await LoadAttachmentAsync(lease.Session, entity, recordId, attachmentId, cancellationToken);
    }

    public async Task<FileReadResult> OpenContentAsync(StoredAttachment attachment, FileRange? range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var content = await Resolve(attachment.Store).OpenReadAsync(attachment.Key, range, cancellationToken);
        return content ?? throw CoreMessages.Exception(CrmErrorKind.NotFound, AttachmentErrors.ContentMissing, attachment.Id);
    }

    public async Task DeleteAsync(
        CrmPrincipal principal, string entity, Guid recordId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Update);
        await using var lease = await SessionLease.OpenAsync(store, write: true, cancellationToken);
        var row = await LoadRecordAsync(lease.Session, compiled, recordId, access, AccessRight.Update, cancellationToken);
        var attachment = await LoadAttachmentAsync(lease.Session, entity, recordId, attachmentId, cancellationToken);
        await lease.Session.DeleteAttachmentAsync(attachment.Id, cancellationToken);
        await AuditAsync(lease.Session, DetachOperation, entity, row, principal, Describe(attachment), null, cancellationToken);

        // The content goes first, inside the transaction: an unavailable store rolls the metadata back (503, nothing changed).
        await Resolve(attachment.Store).DeleteAsync(attachment.Key, cancellationToken);
        await lease.CommitAsync(cancellationToken);
    }

    /// <summary>The active store of a name; an unknown one is an unavailable store (the plugin may be off).</summary>
    internal IFileStore Resolve(string name) =>
        extensions.TryGet<IFileStore>(name, out var fileStore) ? fileStore : throw new FileStoreUnavailableException(name);

    private static async Task<StoredRecord> LoadRecordAsync(
        ICrmStoreSession session, CompiledEntity entity, Guid recordId, RecordAccess access, AccessRight permission,
        CancellationToken cancellationToken)
    {
        var row = await session.GetAsync(entity.Storage, recordId, cancellationToken);
        if (row is null || row.DeletedAt is not null || !access.Covers(AccessRight.Read, row.OwnerId))
        {
            throw CoreMessages.RecordNotFound(entity.Name, recordId);
        }

        if (!access.Covers(permission, row.OwnerId))
        {
            throw SecurityMessages.Denied(permission, entity.Name);
        }

        return row;
    }

    private static async Task<StoredAttachment> LoadAttachmentAsync(
        ICrmStoreSession session, string entity, Guid recordId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await session.GetAttachmentAsync(attachmentId, cancellationToken);
        return attachment is not null && attachment.Entity == entity && attachment.RecordId == recordId
            ? attachment
            : throw CoreMessages.Exception(CrmErrorKind.NotFound, AttachmentErrors.NotFound, attachmentId);
    }

    private static string CheckContentType(string? contentType, FileStoreOptions settings)
    {
        var value = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim();
        var mediaType = MediaTypes.Essence(value)
            ?? throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, AttachmentErrors.InvalidContentType, "/contentType", value);
        if (settings.AllowedContentTypes.Count > 0 && !settings.AllowedContentTypes.Any(allowed => MediaTypes.Matches(allowed, mediaType)))
        {
            throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, AttachmentErrors.TypeNotAllowed, "/contentType", mediaType);
        }

        return value;
    }

    private static CrmException TooLarge(FileStoreOptions settings) =>
        CoreMessages.Exception(CrmErrorKind.BadRequest, AttachmentErrors.TooLarge, settings.MaxFileBytes);

    private Task AuditAsync(
        ICrmStoreSession session, string operation, string entity, StoredRecord row, CrmPrincipal principal,
        JsonObject? oldValue, JsonObject? newValue, CancellationToken cancellationToken)
    {
        if (!auditOptions.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        string? Values(JsonObject? value) => value is null ? null : new JsonObject { ["attachment"] = value }.ToJsonString();
        var entry = AuditEntries.For(operation, entity, row, principal, clock.GetUtcNow(), Values(oldValue), Values(newValue));
        return session.AppendAuditAsync([entry], cancellationToken);
    }

    private static JsonObject Describe(StoredAttachment attachment) => new()
    {
        ["id"] = attachment.Id.ToString("D"),
        ["fileName"] = attachment.FileName,
        ["contentType"] = attachment.ContentType,
        ["length"] = attachment.Length,
        ["sha256"] = attachment.Sha256,
    };

    private async Task TryDeleteContentAsync(IFileStore fileStore, StoredAttachment attachment)
    {
        try
        {
            await fileStore.DeleteAsync(attachment.Key, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "The content of attachment {Id} ({Key}) could not be deleted after its metadata failed", attachment.Id, attachment.Key);
        }
    }
}
