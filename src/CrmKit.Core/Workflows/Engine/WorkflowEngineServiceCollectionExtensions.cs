using CrmKit.Core.Outbox;
using CrmKit.Core.Workflows.Actions;
using CrmKit.Core.Workflows.Scheduling;
using CrmKit.Core.Workflows.Triggers;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>Registers the workflow engine: the trigger hook, the step handler, the actions, the scheduler.</summary>
internal static class WorkflowEngineServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.AddOptions<WorkflowEngineOptions>()
            .Validate(o => o.SchedulerPollInterval > TimeSpan.Zero && o.SchedulerBatchSize > 0 && o.WebhookTimeout > TimeSpan.Zero,
                "CrmKit:Workflows intervals and sizes must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IWorkflowDefinitionSource, RegistryWorkflowDefinitionSource>();
        services.TryAddSingleton<WorkflowRunStarter>();
        services.TryAddSingleton<WorkflowIdentity>();
        services.TryAddSingleton<WorkflowParameterRenderer>();
        services.TryAddSingleton<WorkflowActionResolver>();
        services.TryAddSingleton<WorkflowRunService>();
        services.TryAddSingleton<IWorkflowRunService>(sp => sp.GetRequiredService<WorkflowRunService>());
        services.TryAddSingleton<WorkflowEventSink>();
        services.TryAddSingleton<IWorkflowEventSink>(sp => sp.GetRequiredService<WorkflowEventSink>());
        services.AddSingleton<IRecordHook, WorkflowTriggerHook>();
        services.AddSingleton<IOutboxJobHandler, WorkflowStepJobHandler>();
        services.AddSingleton<IBuiltInWorkflowAction, SetFieldsAction>();
        services.AddSingleton<IBuiltInWorkflowAction, CreateRecordAction>();
        services.AddSingleton<IBuiltInWorkflowAction, AssignOwnerAction>();
        services.AddSingleton<IBuiltInWorkflowAction, RenderTemplateAction>();
        services.AddSingleton<IBuiltInWorkflowAction, SendMessageAction>();
        services.AddSingleton<IBuiltInWorkflowAction, WebhookAction>();
        services.AddSingleton<IBuiltInWorkflowAction, DelayAction>();
        services.TryAddSingleton<WorkflowDueDateBackfill>();
        services.TryAddSingleton<WorkflowScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowScheduler>());
        return services;
    }
}
