using CrmKit.Core.Workflows;
using Npgsql;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    private const string WorkflowColumns = "name, version, document, enabled, deleted_at, created_at, created_by";

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredWorkflowDefinition>> LoadWorkflowsAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"SELECT DISTINCT ON (name) {WorkflowColumns} FROM crm_workflows ORDER BY name, version DESC");
            return await ReadWorkflowsAsync(command, cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<StoredWorkflowDefinition?> ReadWorkflowAsync(string name, long? version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ThrowIfUnusable();
        try
        {
            await using var command = version is { } v
                ? CreateCommand($"SELECT {WorkflowColumns} FROM crm_workflows WHERE name = $1 AND version = $2", Text(name), Bigint(v))
                : CreateCommand($"SELECT {WorkflowColumns} FROM crm_workflows WHERE name = $1 ORDER BY version DESC LIMIT 1", Text(name));
            var rows = await ReadWorkflowsAsync(command, cancellationToken);
            return rows.Count == 0 ? null : rows[0];
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredWorkflowDefinition>> GetWorkflowVersionsAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"SELECT {WorkflowColumns} FROM crm_workflows WHERE name = $1 ORDER BY version", Text(name));
            return await ReadWorkflowsAsync(command, cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> InsertWorkflowVersionAsync(StoredWorkflowDefinition workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentOutOfRangeException.ThrowIfLessThan(workflow.Version, 1);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            // The version must follow the current one; the condition is part of the statement, so two writers that
            // read the same current version cannot both insert (and ON CONFLICT keeps the loser's transaction usable).
            await using var command = CreateCommand(
                $"INSERT INTO crm_workflows ({WorkflowColumns}) SELECT $1, $2, $3, $4, $5, $6, $7 " +
                "WHERE COALESCE((SELECT MAX(version) FROM crm_workflows WHERE name = $1), 0) = $2 - 1 ON CONFLICT (name, version) DO NOTHING",
                Text(workflow.Name),
                Bigint(workflow.Version),
                Text(workflow.Document),
                Boolean(workflow.Enabled),
                Instant(workflow.DeletedAt),
                Instant(workflow.CreatedAt),
                Text(workflow.CreatedBy));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> SetWorkflowStateAsync(
        string name, long version, bool enabled, DateTimeOffset? deletedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                "UPDATE crm_workflows SET enabled = $3, deleted_at = $4 WHERE name = $1 AND version = $2",
                Text(name),
                Bigint(version),
                Boolean(enabled),
                Instant(deletedAt));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private static async Task<IReadOnlyList<StoredWorkflowDefinition>> ReadWorkflowsAsync(
        NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredWorkflowDefinition>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StoredWorkflowDefinition
            {
                Name = reader.GetString(0),
                Version = reader.GetInt64(1),
                Document = reader.GetString(2),
                Enabled = reader.GetBoolean(3),
                DeletedAt = PostgreSqlRecordReader.ReadInstant(reader, 4),
                CreatedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(5)),
                CreatedBy = reader.GetString(6),
            });
        }

        return result;
    }
}
