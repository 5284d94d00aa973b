using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    // The runs journal and the scheduler's state. Instants are canonical text, so text order is time order and the
    // due-instant index serves the scheduler's scan.
    private const string WorkflowRunTablesSql = """
        CREATE TABLE IF NOT EXISTS crm_workflow_runs (
            id TEXT PRIMARY KEY,
            workflow TEXT NOT NULL,
            workflow_version INTEGER NOT NULL,
            status TEXT NOT NULL,
            trigger_type TEXT NOT NULL,
            entity TEXT NULL,
            record_id TEXT NULL,
            trigger_data TEXT NOT NULL,
            step_index INTEGER NOT NULL,
            step_id TEXT NULL,
            error TEXT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            finished_at TEXT NULL);
        CREATE INDEX IF NOT EXISTS ix_crm_workflow_runs_workflow ON crm_workflow_runs (workflow, created_at);
        CREATE TABLE IF NOT EXISTS crm_workflow_steps (
            run_id TEXT NOT NULL,
            step_index INTEGER NOT NULL,
            step_id TEXT NOT NULL,
            action TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            input TEXT NULL,
            output TEXT NULL,
            error TEXT NULL,
            PRIMARY KEY (run_id, step_index));
        CREATE TABLE IF NOT EXISTS crm_schedule (
            key TEXT PRIMARY KEY,
            workflow TEXT NOT NULL,
            entity TEXT NULL,
            record_id TEXT NULL,
            due_at TEXT NULL,
            value TEXT NULL);
        CREATE INDEX IF NOT EXISTS ix_crm_schedule_due ON crm_schedule (due_at) WHERE due_at IS NOT NULL;
        """;

    private const string RunColumns =
        "id, workflow, workflow_version, status, trigger_type, entity, record_id, trigger_data, step_index, step_id, error, created_at, updated_at, finished_at";

    /// <inheritdoc />
    public async Task InsertWorkflowRunAsync(StoredWorkflowRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"INSERT INTO crm_workflow_runs ({RunColumns}) VALUES " +
                "(@id, @workflow, @version, @status, @trigger, @entity, @record, @data, @index, @step, @error, @created, @updated, @finished)");
            AddRunParameters(command, run);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> UpdateWorkflowRunAsync(StoredWorkflowRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("UPDATE crm_workflow_runs SET status = @status, step_index = @index, " +
                "step_id = @step, error = @error, updated_at = @updated, finished_at = @finished WHERE id = @id");
            AddRunParameters(command, run);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<StoredWorkflowRun?> GetWorkflowRunAsync(Guid id, CancellationToken cancellationToken)
    {
        var runs = await ReadRunsAsync($"SELECT {RunColumns} FROM crm_workflow_runs WHERE id = @id",
            p => p.Add("@id", SqliteType.Text).Value = id.ToString("D"), cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredWorkflowRun>> ListWorkflowRunsAsync(
        string workflow, string? status, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflow);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadRunsAsync(
            $"SELECT {RunColumns} FROM crm_workflow_runs WHERE workflow = @workflow AND (@status IS NULL OR status = @status) " +
            "ORDER BY created_at DESC, id DESC LIMIT @limit",
            p =>
            {
                p.Add("@workflow", SqliteType.Text).Value = workflow;
                p.Add("@status", SqliteType.Text).Value = (object?)status ?? DBNull.Value;
                p.Add("@limit", SqliteType.Integer).Value = limit;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task SaveWorkflowStepAsync(StoredWorkflowStep workflowStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflowStep);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("INSERT OR REPLACE INTO crm_workflow_steps " +
                "(run_id, step_index, step_id, action, status, attempts, started_at, finished_at, input, output, error) VALUES " +
                "(@run, @index, @step, @action, @status, @attempts, @started, @finished, @input, @output, @error)");
            var p = command.Parameters;
            p.Add("@run", SqliteType.Text).Value = workflowStep.RunId.ToString("D");
            p.Add("@index", SqliteType.Integer).Value = workflowStep.StepIndex;
            p.Add("@step", SqliteType.Text).Value = workflowStep.StepId;
            p.Add("@action", SqliteType.Text).Value = workflowStep.Action;
            p.Add("@status", SqliteType.Text).Value = workflowStep.Status;
            p.Add("@attempts", SqliteType.Integer).Value = workflowStep.Attempts;
            p.Add("@started", SqliteType.Text).Value = CanonicalInstant.ToText(workflowStep.StartedAt);
            p.Add("@finished", SqliteType.Text).Value = CanonicalInstant.ToText(workflowStep.FinishedAt);
            p.Add("@input", SqliteType.Text).Value = (object?)workflowStep.Input ?? DBNull.Value;
            p.Add("@output", SqliteType.Text).Value = (object?)workflowStep.Output ?? DBNull.Value;
            p.Add("@error", SqliteType.Text).Value = (object?)workflowStep.Error ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredWorkflowStep>> ListWorkflowStepsAsync(Guid runId, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("SELECT run_id, step_index, step_id, action, status, attempts, started_at, " +
                "finished_at, input, output, error FROM crm_workflow_steps WHERE run_id = @run ORDER BY step_index");
            command.Parameters.Add("@run", SqliteType.Text).Value = runId.ToString("D");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var steps = new List<StoredWorkflowStep>();
            while (await reader.ReadAsync(cancellationToken))
            {
                steps.Add(new StoredWorkflowStep
                {
                    RunId = Guid.Parse(reader.GetString(0)),
                    StepIndex = reader.GetInt32(1),
                    StepId = reader.GetString(2),
                    Action = reader.GetString(3),
                    Status = reader.GetString(4),
                    Attempts = reader.GetInt32(5),
                    StartedAt = SqliteRecordReader.ParseInstant(reader.GetString(6)),
                    FinishedAt = SqliteRecordReader.ParseInstant(reader.GetString(7)),
                    Input = reader.IsDBNull(8) ? null : reader.GetString(8),
                    Output = reader.IsDBNull(9) ? null : reader.GetString(9),
                    Error = reader.IsDBNull(10) ? null : reader.GetString(10),
                });
            }

            return steps;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private static void AddRunParameters(SqliteCommand command, StoredWorkflowRun run)
    {
        var p = command.Parameters;
        p.Add("@id", SqliteType.Text).Value = run.Id.ToString("D");
        p.Add("@workflow", SqliteType.Text).Value = run.Workflow;
        p.Add("@version", SqliteType.Integer).Value = run.WorkflowVersion;
        p.Add("@status", SqliteType.Text).Value = run.Status;
        p.Add("@trigger", SqliteType.Text).Value = run.TriggerType;
        p.Add("@entity", SqliteType.Text).Value = (object?)run.Entity ?? DBNull.Value;
        p.Add("@record", SqliteType.Text).Value = (object?)run.RecordId?.ToString("D") ?? DBNull.Value;
        p.Add("@data", SqliteType.Text).Value = run.TriggerData;
        p.Add("@index", SqliteType.Integer).Value = run.StepIndex;
        p.Add("@step", SqliteType.Text).Value = (object?)run.StepId ?? DBNull.Value;
        p.Add("@error", SqliteType.Text).Value = (object?)run.Error ?? DBNull.Value;
        p.Add("@created", SqliteType.Text).Value = CanonicalInstant.ToText(run.CreatedAt);
        p.Add("@updated", SqliteType.Text).Value = CanonicalInstant.ToText(run.UpdatedAt);
        p.Add("@finished", SqliteType.Text).Value = run.FinishedAt is { } f ? CanonicalInstant.ToText(f) : DBNull.Value;
    }

    private async Task<IReadOnlyList<StoredWorkflowRun>> ReadRunsAsync(
        string sql, Action<SqliteParameterCollection> parameters, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(sql);
            parameters(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var runs = new List<StoredWorkflowRun>();
            while (await reader.ReadAsync(cancellationToken))
            {
                runs.Add(new StoredWorkflowRun
                {
                    Id = Guid.Parse(reader.GetString(0)),
                    Workflow = reader.GetString(1),
                    WorkflowVersion = reader.GetInt64(2),
                    Status = reader.GetString(3),
                    TriggerType = reader.GetString(4),
                    Entity = reader.IsDBNull(5) ? null : reader.GetString(5),
                    RecordId = reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6)),
                    TriggerData = reader.GetString(7),
                    StepIndex = reader.GetInt32(8),
                    StepId = reader.IsDBNull(9) ? null : reader.GetString(9),
                    Error = reader.IsDBNull(10) ? null : reader.GetString(10),
                    CreatedAt = SqliteRecordReader.ParseInstant(reader.GetString(11)),
                    UpdatedAt = SqliteRecordReader.ParseInstant(reader.GetString(12)),
                    FinishedAt = reader.IsDBNull(13) ? null : SqliteRecordReader.ParseInstant(reader.GetString(13)),
                });
            }

            return runs;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }
}
