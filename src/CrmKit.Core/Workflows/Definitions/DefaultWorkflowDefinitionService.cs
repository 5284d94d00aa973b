using System.Text.Json.Nodes;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmKit.Core.Workflows;

/// <summary>
/// The default <see cref="IWorkflowDefinitionService"/>: documents checked by <see cref="WorkflowDocumentValidator"/>,
/// versions stored through <see cref="ICrmStore"/> (table <c>crm_workflows</c>), <see cref="WorkflowRegistry"/> updated
/// after each commit.
/// </summary>
internal sealed partial class DefaultWorkflowDefinitionService(
    ICrmStore store, WorkflowDocumentValidator validator, WorkflowRegistry registry, TimeProvider time, IAccessControl access,
    IServicePrincipalProvider servicePrincipals, ILoggerFactory? loggers = null)
    : IWorkflowDefinitionService
{
    private readonly ILogger _logger = loggers?.CreateLogger<DefaultWorkflowDefinitionService>() ?? NullLogger<DefaultWorkflowDefinitionService>.Instance;

    /// <summary>Loads every current version into the registry (at start-up).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken) => registry.Reset(await ReadAllAsync(cancellationToken));

    /// <summary>Loads the workflows other nodes sharing the database saved, enabled, disabled or deleted.</summary>
    /// <returns>Whether the registry was brought up to date (false: changed on this node meanwhile; try again later).</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var revision = registry.Revision;
        return registry.Refresh(revision, await ReadAllAsync(cancellationToken));
    }

    private async Task<List<WorkflowDefinition>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var loaded = new List<WorkflowDefinition>();
        foreach (var stored in await session.LoadWorkflowsAsync(cancellationToken))
        {
            try
            {
                loaded.Add(WorkflowDocumentReader.Read(stored));
            }
            catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or NullReferenceException)
            {
                // A document written by hand into the table must not stop the host; the workflow just does not run.
                LogUnreadable(_logger, stored.Name, stored.Version, e);
            }
        }

        return loaded;
    }

    public async Task<IReadOnlyList<WorkflowDefinition>> ListAsync(
        string? triggerEntity = null, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return (await session.LoadWorkflowsAsync(cancellationToken))
            .Where(s => includeDeleted || s.DeletedAt is null)
            .Select(WorkflowDocumentReader.Read)
            .Where(d => triggerEntity is null || d.Trigger.Entity == triggerEntity)
            .ToList();
    }

    public async Task<WorkflowDefinition> GetAsync(string name, long? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var stored = await session.ReadWorkflowAsync(name, version, cancellationToken);
        if (stored is null || (version is null && stored.DeletedAt is not null))
        {
            throw version is null ? WorkflowMessages.NotFound(name) : WorkflowMessages.VersionNotFound(name, version.Value);
        }

        return WorkflowDocumentReader.Read(stored);
    }

    public async Task<IReadOnlyList<WorkflowDefinition>> GetVersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var versions = await session.GetWorkflowVersionsAsync(name, cancellationToken);
        if (versions.Count == 0)
        {
            throw WorkflowMessages.NotFound(name);
        }

        // Only the current row's state is meaningful; older versions read as they were saved.
        return versions.Select(WorkflowDocumentReader.Read).ToList();
    }

    public async Task<WorkflowDefinition> SaveAsync(
        JsonObject document, long? expectedVersion, CrmPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(principal);
        access.DemandPrivilege(principal, CrmPrivileges.WorkflowsManage);
        var copy = document.DeepClone().AsObject();
        var errors = validator.Validate(copy);
        if ((string?)copy["runAs"] is { } runAs && runAs != WorkflowRunAs.TriggeringUser && errors.Count == 0)
        {
            // Acting as a service account is acting with its roles: only who manages accounts may hand that out.
            access.DemandPrivilege(principal, CrmPrivileges.SecurityManage);
            if (!IsServiceAccount(runAs))
            {
                errors = [.. errors, Security.SecurityMessages.Error("workflow.run_as_invalid", "/runAs", runAs)];
            }
        }

        if (errors.Count > 0)
        {
            throw WorkflowMessages.Invalid(errors);
        }

        var name = copy["name"]!.GetValue<string>();
        var enabled = (bool?)copy["enabled"] ?? true;
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var current = await session.ReadWorkflowAsync(name, null, cancellationToken);
        var currentVersion = current?.Version ?? 0;
        var visibleVersion = current?.DeletedAt is null ? currentVersion : 0;
        if (expectedVersion is { } expected && expected != visibleVersion)
        {
            throw WorkflowMessages.VersionConflict(name, visibleVersion, expected);
        }

        var stored = new StoredWorkflowDefinition
        {
            Name = name,
            Version = currentVersion + 1,
            Document = copy.ToJsonString(),
            Enabled = enabled,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = principal.UserId,
        };
        if (!await session.InsertWorkflowVersionAsync(stored, cancellationToken))
        {
            throw WorkflowMessages.VersionConflict(name, currentVersion + 1, currentVersion);
        }

        await session.CommitAsync(cancellationToken);
        var saved = WorkflowDocumentReader.Read(stored);
        registry.Update(saved);
        LogSaved(_logger, name, saved.Version, principal.UserId);
        return saved;
    }

    public async Task<WorkflowDefinition> SetEnabledAsync(
        string name, bool enabled, CrmPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        access.DemandPrivilege(principal, CrmPrivileges.WorkflowsManage);
        var changed = await ChangeStateAsync(name, null, enabled, deleted: false, cancellationToken);
        LogState(_logger, name, enabled, principal.UserId);
        return changed;
    }

    public async Task DeleteAsync(string name, long? expectedVersion, CrmPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        access.DemandPrivilege(principal, CrmPrivileges.WorkflowsManage);
        await ChangeStateAsync(name, expectedVersion, enabled: false, deleted: true, cancellationToken);
        LogDeleted(_logger, name, principal.UserId);
    }

    public IReadOnlyList<CrmError> Validate(JsonObject document) => validator.Validate(document);

    private bool IsServiceAccount(string id)
    {
        try
        {
            _ = servicePrincipals.GetServicePrincipal(id, CrmChannel.Workflow);
            return true;
        }
        catch (CrmException)
        {
            return false;
        }
    }

    public JsonObject GetSchema() => WorkflowDocumentValidator.GetSchema();

    private async Task<WorkflowDefinition> ChangeStateAsync(
        string name, long? expectedVersion, bool enabled, bool deleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var current = await session.ReadWorkflowAsync(name, null, cancellationToken);
        if (current is null || current.DeletedAt is not null)
        {
            throw WorkflowMessages.NotFound(name);
        }

        if (expectedVersion is { } expected && expected != current.Version)
        {
            throw WorkflowMessages.VersionConflict(name, current.Version, expected);
        }

        DateTimeOffset? deletedAt = deleted ? time.GetUtcNow() : null;
        if (!await session.SetWorkflowStateAsync(name, current.Version, enabled, deletedAt, cancellationToken))
        {
            throw WorkflowMessages.NotFound(name);
        }

        await session.CommitAsync(cancellationToken);
        var changed = WorkflowDocumentReader.Read(new StoredWorkflowDefinition
        {
            Name = current.Name,
            Version = current.Version,
            Document = current.Document,
            Enabled = enabled,
            DeletedAt = deletedAt,
            CreatedAt = current.CreatedAt,
            CreatedBy = current.CreatedBy,
        });
        registry.Update(changed);
        return changed;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Workflow {Name} saved at version {Version} by {UserId}.")]
    private static partial void LogSaved(ILogger logger, string name, long version, string userId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Workflow {Name} enabled: {Enabled} (by {UserId}).")]
    private static partial void LogState(ILogger logger, string name, bool enabled, string userId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Workflow {Name} deleted by {UserId}.")]
    private static partial void LogDeleted(ILogger logger, string name, string userId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Workflow {Name} version {Version} cannot be read and does not run.")]
    private static partial void LogUnreadable(ILogger logger, string name, long version, Exception exception);
}
