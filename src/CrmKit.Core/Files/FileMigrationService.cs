using CrmKit.Core.Resources;
using CrmKit.Core.Records;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Files;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Files;

/// <summary>The default <see cref="IFileMigrationService"/>: one background migration at a time.</summary>
internal sealed class FileMigrationService(
    ICrmStore store,
    AttachmentService attachments,
    AccessControl accessControl,
    IOptionsMonitor<FileStoreOptions> options,
    TimeProvider clock,
    ILogger<FileMigrationService> logger,
    IHostApplicationLifetime? lifetime = null) : IFileMigrationService
{
    private const int MaxErrors = 20;
    private readonly Lock _lock = new();
    private Run? _current;

    public async Task<FileMigrationStatus> StartAsync(CrmPrincipal principal, string target, CancellationToken cancellationToken = default)
    {
        accessControl.DemandPrivilege(principal, CrmPrivileges.PluginsManage);
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            attachments.Resolve(target);
        }
        catch (FileStoreUnavailableException)
        {
            throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, AttachmentErrors.StoreNotFound, "/to", target);
        }

        long total;
        await using (var lease = await SessionLease.OpenAsync(store, write: false, cancellationToken))
        {
            total = (await lease.Session.CountAttachmentsByStoreAsync(cancellationToken))
                .Where(p => p.Key != target).Sum(p => p.Value);
        }

        Run run;
        lock (_lock)
        {
            if (_current is { Finished: null })
            {
                throw CoreMessages.Exception(CrmErrorKind.Conflict, AttachmentErrors.MigrationRunning, _current.Target);
            }

            var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
            run = new Run(Guid.CreateVersion7(clock.GetUtcNow()), target, total, clock.GetUtcNow(), CancellationTokenSource.CreateLinkedTokenSource(stopping));
            _current = run;
        }

        run.Task = Task.Run(() => RunAsync(run), CancellationToken.None);
        return run.Status();
    }

    public FileMigrationStatus GetCurrent(CrmPrincipal principal)
    {
        accessControl.DemandPrivilege(principal, CrmPrivileges.PluginsManage);
        return (Volatile.Read(ref _current) ?? throw CoreMessages.Exception(CrmErrorKind.NotFound, AttachmentErrors.MigrationNotFound)).Status();
    }

    public FileMigrationStatus Cancel(CrmPrincipal principal)
    {
        accessControl.DemandPrivilege(principal, CrmPrivileges.PluginsManage);
        var run = Volatile.Read(ref _current) ?? throw CoreMessages.Exception(CrmErrorKind.NotFound, AttachmentErrors.MigrationNotFound);
        run.Cancellation.Cancel();
        return run.Status();
    }

    /// <summary>Waits for the current migration to end (tests and the benchmark).</summary>
    internal Task WaitAsync() => Volatile.Read(ref _current)?.Task ?? Task.CompletedTask;

    private async Task RunAsync(Run run)
    {
        var token = run.Cancellation.Token;
        var state = "completed";
        try
        {
            var target = attachments.Resolve(run.Target);
            Guid? after = null;
            while (true)
            {
                IReadOnlyList<StoredAttachment> page;
                await using (var lease = await SessionLease.OpenAsync(store, write: false, token))
                {
                    page = await lease.Session.ListAttachmentsOutsideStoreAsync(run.Target, after, options.CurrentValue.MigrationBatchSize, token);
                }

                if (page.Count == 0)
                {
                    break;
                }

                foreach (var attachment in page)
                {
                    await MoveAsync(run, attachment, target, token);
                }

                after = page[^1].Id;
            }

            if (Interlocked.Read(ref run.Failed) > 0)
            {
                state = "failed";
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            state = "cancelled";
        }
        catch (Exception e)
        {
            logger.LogError(e, "The file migration to {Target} failed", run.Target);
            run.AddError($"migration: {e.Message}");
            state = "failed";
        }

        run.Finish(state, clock.GetUtcNow());
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("File migration to {Target} {State}: {Moved} moved, {Failed} failed", run.Target, state, run.Moved, run.Failed);
        }
    }

    private async Task MoveAsync(Run run, StoredAttachment attachment, IFileStore target, CancellationToken token)
    {
        IFileStore source;
        try
        {
            source = attachments.Resolve(attachment.Store);
        }
        catch (FileStoreUnavailableException)
        {
            run.Fail(attachment, "file_store.not_found", $"store '{attachment.Store}' is not registered");
            return;
        }

        StoredFileInfo copied;
        try
        {
            await using var content = await source.OpenReadAsync(attachment.Key, null, token);
            if (content is null)
            {
                run.Fail(attachment, AttachmentErrors.ContentMissing, $"'{attachment.Store}' has nothing under {attachment.Key}");
                return;
            }

            copied = await target.PutAsync(new FilePutRequest
            {
                Key = attachment.Key,
                Content = content.Content,
                ContentType = attachment.ContentType,
                Length = content.TotalLength,
            }, token);
        }
        catch (FileStoreUnavailableException e)
        {
            run.Fail(attachment, FileStoreUnavailableException.ErrorCode, e.Store ?? e.Message);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // One attachment that cannot be copied (a store's own error) does not stop the others.
            logger.LogWarning(e, "Attachment {Id} could not be copied to {Target}", attachment.Id, run.Target);
            run.Fail(attachment, "file_migration.copy_failed", e.Message);
            return;
        }

        if (copied.Length != attachment.Length || !string.Equals(copied.Sha256, attachment.Sha256, StringComparison.Ordinal))
        {
            run.Fail(attachment, "file_migration.hash_mismatch", $"copied {copied.Length} bytes with sha256 {copied.Sha256}");
            await target.DeleteAsync(attachment.Key, CancellationToken.None);
            return;
        }

        bool switched;
        await using (var lease = await SessionLease.OpenAsync(store, write: true, token))
        {
            switched = await lease.Session.MoveAttachmentAsync(attachment.Id, attachment.Store, run.Target, token);
            await lease.CommitAsync(token);
        }

        if (!switched)
        {
            // Deleted (or moved) meanwhile: the copy is nobody's unless the row is now in the target.
            await using var lease = await SessionLease.OpenAsync(store, write: false, CancellationToken.None);
            var now = await lease.Session.GetAttachmentAsync(attachment.Id, CancellationToken.None);
            if (now is null || now.Store != run.Target)
            {
                await target.DeleteAsync(attachment.Key, CancellationToken.None);
            }

            return;
        }

        Interlocked.Increment(ref run.Moved);
        try
        {
            await source.DeleteAsync(attachment.Key, CancellationToken.None);
        }
        catch (Exception e) when (e is FileStoreUnavailableException or IOException)
        {
            Interlocked.Increment(ref run.SourceLeft);
            logger.LogWarning(e, "Attachment {Id} moved to {Target}; its old copy in {Source} could not be deleted", attachment.Id, run.Target, attachment.Store);
        }
    }

    private sealed class Run(Guid id, string target, long total, DateTimeOffset startedAt, CancellationTokenSource cancellation)
    {
        private readonly List<string> _errors = [];
        private string _state = "running";
        public long Moved;
        public long Failed;
        public long SourceLeft;

        public string Target => target;

        public CancellationTokenSource Cancellation => cancellation;

        public Task? Task { get; set; }

        public DateTimeOffset? Finished { get; private set; }

        public void AddError(string error)
        {
            lock (_errors)
            {
                if (_errors.Count < MaxErrors)
                {
                    _errors.Add(error);
                }
            }
        }

        public void Fail(StoredAttachment attachment, string code, string message)
        {
            Interlocked.Increment(ref Failed);
            AddError($"{attachment.Id:D}: {code}: {message}");
        }

        public void Finish(string state, DateTimeOffset at)
        {
            lock (_errors)
            {
                _state = state;
                Finished = at;
            }
        }

        public FileMigrationStatus Status()
        {
            lock (_errors)
            {
                return new FileMigrationStatus
                {
                    Id = id,
                    Target = target,
                    State = _state,
                    Total = total,
                    Moved = Interlocked.Read(ref Moved),
                    Failed = Interlocked.Read(ref Failed),
                    SourceLeft = Interlocked.Read(ref SourceLeft),
                    Errors = [.. _errors],
                    StartedAt = startedAt,
                    FinishedAt = Finished,
                };
            }
        }
    }
}
