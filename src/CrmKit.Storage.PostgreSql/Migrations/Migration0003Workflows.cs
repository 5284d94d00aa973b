namespace CrmKit.Storage.PostgreSql.Migrations;

/// <summary>Workflow definitions (every version a row), the runs journal, its steps and the scheduler's state.</summary>
internal static class Migration0003Workflows
{
    /// <summary>The migration.</summary>
    /// <remarks>Instants are canonical text with the "C" collation, so the due-instant index serves the scheduler's scan.</remarks>
    public static PostgreSqlMigration Migration { get; } = new(3, "workflows", """
        CREATE TABLE crm_workflows (
            name text COLLATE "C" NOT NULL,
            version bigint NOT NULL,
            document text NOT NULL,
            enabled boolean NOT NULL,
            deleted_at text COLLATE "C" NULL,
            created_at text COLLATE "C" NOT NULL,
            created_by text NOT NULL,
            PRIMARY KEY (name, version));
        CREATE TABLE crm_workflow_runs (
            id uuid NOT NULL PRIMARY KEY,
            workflow text COLLATE "C" NOT NULL,
            workflow_version bigint NOT NULL,
            status text COLLATE "C" NOT NULL,
            trigger_type text NOT NULL,
            entity text COLLATE "C" NULL,
            record_id uuid NULL,
            trigger_data text NOT NULL,
            step_index integer NOT NULL,
            step_id text NULL,
            error text NULL,
            created_at text COLLATE "C" NOT NULL,
            updated_at text COLLATE "C" NOT NULL,
            finished_at text COLLATE "C" NULL);
        CREATE INDEX ix_crm_workflow_runs_workflow ON crm_workflow_runs (workflow, created_at);
        CREATE TABLE crm_workflow_steps (
            run_id uuid NOT NULL,
            step_index integer NOT NULL,
            step_id text NOT NULL,
            action text NOT NULL,
            status text NOT NULL,
            attempts integer NOT NULL,
            started_at text COLLATE "C" NOT NULL,
            finished_at text COLLATE "C" NOT NULL,
            input text NULL,
            output text NULL,
            error text NULL,
            PRIMARY KEY (run_id, step_index));
        CREATE TABLE crm_schedule (
            key text COLLATE "C" NOT NULL PRIMARY KEY,
            workflow text COLLATE "C" NOT NULL,
            entity text COLLATE "C" NULL,
            record_id uuid NULL,
            due_at text COLLATE "C" NULL,
            value text NULL);
        CREATE INDEX ix_crm_schedule_due ON crm_schedule (due_at) WHERE due_at IS NOT NULL;
        """);
}
