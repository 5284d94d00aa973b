using System.Text.Json.Nodes;
using CrmKit.Core.Records;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Metadata;

internal sealed partial class MetadataService
{
    public async Task<IReadOnlyList<FieldArchiveInfo>> GetArchivesAsync(string entity, CancellationToken cancellationToken = default)
    {
        registry.Get(entity);
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var archives = await session.GetArchivesAsync(entity, cancellationToken);
        return archives.Select(ToInfo).ToList();
    }

    public Task<EntityDefinition> RestoreArchiveAsync(
        CrmPrincipal principal, string entity, Guid archiveId, CancellationToken cancellationToken = default) =>
        GatedAsync(async () =>
        {
            access.DemandPrivilege(principal, CrmPrivileges.MetadataManage);
            var current = registry.Get(entity);
            await using var session = await store.BeginAsync(write: true, cancellationToken);
            var archive = (await session.GetArchivesAsync(entity, cancellationToken)).FirstOrDefault(a => a.Id == archiveId)
                ?? throw CoreMessages.ExceptionAt(CrmErrorKind.NotFound, "metadata.archive_not_found", "", entity, archiveId);
            if (archive.RestoredAt is not null)
            {
                throw CoreMessages.Exception(CrmErrorKind.Conflict, "metadata.archive_restored");
            }

            var target = current;
            JsonObject? diff = null;
            if (current.Definition.FindField(archive.Field) is null)
            {
                var property = (JsonObject)JsonNode.Parse(archive.FieldSchema)!;
                target = Recompile(current, archive.Field, property, required: false);
                diff = new JsonObject { ["op"] = "restore", ["field"] = archive.Field, ["after"] = property.DeepClone() };
            }

            var values = (JsonObject)JsonNode.Parse(archive.Values)!;
            var field = target.Definition.FindField(archive.Field)!;
            var validator = target.Validator.GetProperty(archive.Field)!;
            var violations = new List<Guid>();
            var restored = 0;
            var now = clock.GetUtcNow();
            foreach (var (key, value) in values)
            {
                var id = Guid.Parse(key);
                var row = await session.GetAsync(target.Storage, id, cancellationToken);
                if (row is null || value is null)
                {
                    continue;
                }

                var data = RecordJson.Parse(row.Data);
                if (data[archive.Field] is not null)
                {
                    continue;
                }

                var context = new FieldValueContext(field, value.DeepClone(), "/" + field.Name);
                target.FieldTypes[field.Name].Normalize(context);
                if (context.HasErrors || !validator.IsValid(context.Value))
                {
                    violations.Add(id);
                    continue;
                }

                data[archive.Field] = context.Value;
                var next = row.Next(principal.UserId, now, RecordJson.Serialize(data));
                await session.UpdateAsync(target.Storage, next, row.Version, cancellationToken);
                restored++;
            }

            if (violations.Count > 0)
            {
                var e = CoreMessages.ExceptionAt(CrmErrorKind.Conflict, "metadata.records_violate_change", "", violations.Count);
                e.Extensions["violations"] = new { count = violations.Count, recordIds = violations.Take(_options.ViolationSampleSize).ToArray() };
                throw e;
            }

            if (diff is not null)
            {
                diff["archive"] = archive.Id.ToString("D");
                diff["restoredValues"] = restored;
                await SaveVersionAsync(session, principal, target, [diff], cancellationToken);
            }

            await session.MarkArchiveRestoredAsync(archive.Id, now, cancellationToken);
            await session.CommitAsync(cancellationToken);
            registry.Set(target);
            return target.Definition;
        }, cancellationToken);
}
