using CrmKit.Core.Security;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>
/// Whom a run's steps act as (docs/security.md): the workflow's <c>runAs</c> service account; otherwise the user who
/// triggered the run, with the roles the account holds now; for triggers no user fires (schedules, relative dates), the
/// author of the workflow version. A version saved by the host, or by code acting as someone the directory does not
/// know, runs as the host: only code in the process can act as such a principal.
/// </summary>
internal sealed class WorkflowIdentity(IAccessControl access, IServicePrincipalProvider servicePrincipals, SecurityDirectoryCache directory)
{
    public CrmPrincipal Resolve(WorkflowDefinition workflow, WorkflowEvent trigger)
    {
        if (workflow.RunAs is { } runAs)
        {
            return servicePrincipals.GetServicePrincipal(runAs, CrmChannel.Workflow);
        }

        var user = trigger.Principal;
        if (user.UserId == CrmPrincipal.System.UserId)
        {
            if (!directory.Current.Users.ContainsKey(workflow.CreatedBy))
            {
                return CrmPrincipal.System.WithChannel(CrmChannel.Workflow);
            }

            return access.PrincipalOf(workflow.CreatedBy, CrmChannel.Workflow)
                ?? throw SecurityMessages.Exception(CrmErrorKind.Forbidden, "workflow.author_inactive", workflow.CreatedBy);
        }

        // A principal the directory does not know (an in-process caller) keeps the roles it came with.
        return access.PrincipalOf(user.UserId, CrmChannel.Workflow) ?? user.WithChannel(CrmChannel.Workflow);
    }
}
