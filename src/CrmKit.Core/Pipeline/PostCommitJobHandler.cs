using CrmKit.Core.Metadata;
using CrmKit.Core.Modules;
using CrmKit.Core.Outbox;
using CrmKit.Core.Security;
using CrmKit.Sdk.Pipeline;

namespace CrmKit.Core.Pipeline;

/// <summary>
/// Runs a PostCommit hook from its <c>pipeline.post_commit</c> job. The hook is found by owner and name among the
/// active extensions; when its plugin was removed or disabled (or the entity deleted) the job completes with a note
/// rather than retrying something that can never run. The hook acts as the principal of the operation, with the roles
/// its account holds now (the payload's roles only when the principal is not a directory account).
/// </summary>
internal sealed class PostCommitJobHandler(ExtensionCatalog extensions, MetadataRegistry registry, IAccessControl access) : IOutboxJobHandler
{
    public string Kind => OutboxJobKinds.PostCommit;

    public async Task HandleAsync(OutboxJobContext context, CancellationToken cancellationToken)
    {
        var payload = context.Payload;
        var name = payload["hook"]!["name"]!.GetValue<string>();
        var owner = payload["hook"]!["owner"]!.GetValue<string>();
        var hook = extensions.GetAll<IRecordHook>().FirstOrDefault(h =>
            h.Descriptor.Stage == PipelineStage.PostCommit && h.Descriptor.Name == name && RecordPipeline.OwnerOf(extensions, h) == owner);
        if (hook is null)
        {
            context.Note = OutboxMessages.Text(OutboxErrorCodes.HookGone, owner, name).ToString();
            return;
        }

        var entity = payload["entity"]!.GetValue<string>();
        if (!registry.TryGet(entity, out var compiled))
        {
            context.Note = OutboxMessages.Text(OutboxErrorCodes.EntityGone, entity).ToString();
            return;
        }

        var pre = PostCommitPayload.Image(payload, "preImage");
        var post = PostCommitPayload.Image(payload, "postImage");
        var depth = payload["depth"]!.GetValue<int>();
        var hookContext = new RecordHookContext
        {
            Operation = PostCommitPayload.Operation(payload),
            MessageName = PostCommitPayload.MessageName(payload),
            Stage = PipelineStage.PostCommit,
            Entity = compiled.Definition,
            RecordId = Guid.Parse(payload["recordId"]!.GetValue<string>()),
            PreImage = pre,
            Target = (post ?? pre)?.Values.DeepClone().AsObject() ?? [],
            PostImage = post,
            ChangedFields = PostCommitPayload.ChangedFields(payload),
            Principal = Current(PostCommitPayload.Principal(payload)),
            Depth = depth,
            Services = context.Services,
        };
        hookContext.Items["outbox.idempotencyKey"] = context.IdempotencyKey;
        hookContext.Items["outbox.attempt"] = context.Attempt;
        using var resumed = PipelineDepth.Resume(depth);
        await RecordPipeline.ExecuteAsync(extensions, hook, hookContext, cancellationToken);
    }

    private Sdk.Security.CrmPrincipal Current(Sdk.Security.CrmPrincipal principal) =>
        access.PrincipalOf(principal.UserId, principal.Channel) ?? principal;
}
