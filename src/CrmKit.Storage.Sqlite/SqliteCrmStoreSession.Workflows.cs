using CrmKit.Core.Storage;
using CrmKit.Core.Workflows;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    // The workflow tables (CREATE TABLE IF NOT EXISTS ...), created with the system tables. Every version of a
    // definition is a row; the current version is the highest, and only its enabled/deleted_at columns matter.
    private const string WorkflowTablesSql = """
        CREATE TABLE IF NOT EXISTS crm_workflows (
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            document TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            deleted_at TEXT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            PRIMARY KEY (name, version)
        ) WITHOUT ROWID;
        """;

    private const string WorkflowColumns = "name, version, document, enabled, deleted_at, created_at, created_by";

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredWorkflowDefinition>> LoadWorkflowsAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"SELECT {WorkflowColumns} FROM crm_workflows w WHERE version = " +
                "(SELECT MAX(version) FROM crm_workflows m WHERE m.name = w.name) ORDER BY name");
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
            await using var command = CreateCommand(version is null
                ? $"SELECT {WorkflowColumns} FROM crm_workflows WHERE name = @name ORDER BY version DESC LIMIT 1"
                : $"SELECT {WorkflowColumns} FROM crm_workflows WHERE name = @name AND version = @version");
            command.Parameters.Add("@name", SqliteType.Text).Value = name;
            command.Parameters.Add("@version", SqliteType.Integer).Value = version ?? 0;
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
            await using var command = CreateCommand($"SELECT {WorkflowColumns} FROM crm_workflows WHERE name = @name ORDER BY version");
            command.Parameters.Add("@name", SqliteType.Text).Value = name;
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
            // read the same current version cannot both insert.
            await using var command = CreateCommand(
                $"INSERT INTO crm_workflows ({WorkflowColumns}) SELECT @name, @version, @document, @enabled, @deleted, @at, @by " +
                "WHERE COALESCE((SELECT MAX(version) FROM crm_workflows WHERE name = @name), 0) = @version - 1");
            command.Parameters.Add("@name", SqliteType.Text).Value = workflow.Name;
            command.Parameters.Add("@version", SqliteType.Integer).Value = workflow.Version;
            command.Parameters.Add("@document", SqliteType.Text).Value = workflow.Document;
            command.Parameters.Add("@enabled", SqliteType.Integer).Value = workflow.Enabled ? 1 : 0;
            command.Parameters.Add("@deleted", SqliteType.Text).Value =
                workflow.DeletedAt is { } deleted ? CanonicalInstant.ToText(deleted) : DBNull.Value;
            command.Parameters.Add("@at", SqliteType.Text).Value = CanonicalInstant.ToText(workflow.CreatedAt);
            command.Parameters.Add("@by", SqliteType.Text).Value = workflow.CreatedBy;
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
                "UPDATE crm_workflows SET enabled = @enabled, deleted_at = @deleted WHERE name = @name AND version = @version");
            command.Parameters.Add("@name", SqliteType.Text).Value = name;
            command.Parameters.Add("@version", SqliteType.Integer).Value = version;
            command.Parameters.Add("@enabled", SqliteType.Integer).Value = enabled ? 1 : 0;
            command.Parameters.Add("@deleted", SqliteType.Text).Value =
                deletedAt is { } deleted ? CanonicalInstant.ToText(deleted) : DBNull.Value;
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private static async Task<IReadOnlyList<StoredWorkflowDefinition>> ReadWorkflowsAsync(
        SqliteCommand command, CancellationToken cancellationToken)
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
                Enabled = reader.GetInt64(3) != 0,
                DeletedAt = reader.IsDBNull(4) ? null : SqliteRecordReader.ParseInstant(reader.GetString(4)),
                CreatedAt = SqliteRecordReader.ParseInstant(reader.GetString(5)),
                CreatedBy = reader.GetString(6),
            });
        }

        return result;
    }
}
