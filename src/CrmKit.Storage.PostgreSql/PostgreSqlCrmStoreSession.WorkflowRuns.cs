using CrmKit.Core.Storage;
using Npgsql;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    private const string RunColumns =
        "id, workflow, workflow_version, status, trigger_type, entity, record_id, trigger_data, step_index, step_id, error, created_at, updated_at, finished_at";

    private const string StepColumns = "run_id, step_index, step_id, action, status, attempts, started_at, finished_at, input, output, error";

    /// <inheritdoc />
    public async Task InsertWorkflowRunAsync(StoredWorkflowRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"INSERT INTO crm_workflow_runs ({RunColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                Uuid(run.Id),
                Text(run.Workflow),
                Bigint(run.WorkflowVersion),
                Text(run.Status),
                Text(run.TriggerType),
                Text(run.Entity),
                Uuid(run.RecordId),
                Text(run.TriggerData),
                Integer(run.StepIndex),
                Text(run.StepId),
                Text(run.Error),
                Instant(run.CreatedAt),
                Instant(run.UpdatedAt),
                Instant(run.FinishedAt));
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
            await using var command = CreateCommand(
                "UPDATE crm_workflow_runs SET status = $2, step_index = $3, step_id = $4, error = $5, updated_at = $6, finished_at = $7 WHERE id = $1",
                Uuid(run.Id),
                Text(run.Status),
                Integer(run.StepIndex),
                Text(run.StepId),
                Text(run.Error),
                Instant(run.UpdatedAt),
                Instant(run.FinishedAt));
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
        var runs = await ReadRunsAsync($"SELECT {RunColumns} FROM crm_workflow_runs WHERE id = $1", [Uuid(id)], cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredWorkflowRun>> ListWorkflowRunsAsync(
        string workflow, string? status, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflow);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadRunsAsync(
            $"SELECT {RunColumns} FROM crm_workflow_runs WHERE workflow = $1 AND ($2::text IS NULL OR status = $2) " +
            "ORDER BY created_at DESC, id DESC LIMIT $3",
            [Text(workflow), Text(status), Integer(limit)],
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
            await using var command = CreateCommand(
                $"INSERT INTO crm_workflow_steps ({StepColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) " +
                "ON CONFLICT (run_id, step_index) DO UPDATE SET step_id = excluded.step_id, action = excluded.action, " +
                "status = excluded.status, attempts = excluded.attempts, started_at = excluded.started_at, " +
                "finished_at = excluded.finished_at, input = excluded.input, output = excluded.output, error = excluded.error",
                Uuid(workflowStep.RunId),
                Integer(workflowStep.StepIndex),
                Text(workflowStep.StepId),
                Text(workflowStep.Action),
                Text(workflowStep.Status),
                Integer(workflowStep.Attempts),
                Instant(workflowStep.StartedAt),
                Instant(workflowStep.FinishedAt),
                Text(workflowStep.Input),
                Text(workflowStep.Output),
                Text(workflowStep.Error));
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
            await using var command = CreateCommand($"SELECT {StepColumns} FROM crm_workflow_steps WHERE run_id = $1 ORDER BY step_index", Uuid(runId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var steps = new List<StoredWorkflowStep>();
            while (await reader.ReadAsync(cancellationToken))
            {
                steps.Add(new StoredWorkflowStep
                {
                    RunId = reader.GetGuid(0),
                    StepIndex = reader.GetInt32(1),
                    StepId = reader.GetString(2),
                    Action = reader.GetString(3),
                    Status = reader.GetString(4),
                    Attempts = reader.GetInt32(5),
                    StartedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(6)),
                    FinishedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(7)),
                    Input = PostgreSqlRecordReader.ReadText(reader, 8),
                    Output = PostgreSqlRecordReader.ReadText(reader, 9),
                    Error = PostgreSqlRecordReader.ReadText(reader, 10),
                });
            }

            return steps;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private async Task<IReadOnlyList<StoredWorkflowRun>> ReadRunsAsync(
        string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var runs = new List<StoredWorkflowRun>();
            while (await reader.ReadAsync(cancellationToken))
            {
                runs.Add(new StoredWorkflowRun
                {
                    Id = reader.GetGuid(0),
                    Workflow = reader.GetString(1),
                    WorkflowVersion = reader.GetInt64(2),
                    Status = reader.GetString(3),
                    TriggerType = reader.GetString(4),
                    Entity = PostgreSqlRecordReader.ReadText(reader, 5),
                    RecordId = reader.IsDBNull(6) ? null : reader.GetGuid(6),
                    TriggerData = reader.GetString(7),
                    StepIndex = reader.GetInt32(8),
                    StepId = PostgreSqlRecordReader.ReadText(reader, 9),
                    Error = PostgreSqlRecordReader.ReadText(reader, 10),
                    CreatedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(11)),
                    UpdatedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(12)),
                    FinishedAt = PostgreSqlRecordReader.ReadInstant(reader, 13),
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
