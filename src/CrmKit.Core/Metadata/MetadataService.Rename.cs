using System.Text.Json.Nodes;
using CrmKit.Core.Records;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Metadata;

internal sealed partial class MetadataService
{
    public Task<EntityDefinition> RenameFieldAsync(
        CrmPrincipal principal, string entity, string field, string newName, CancellationToken cancellationToken = default) =>
        GatedAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(principal);
            access.DemandPrivilege(principal, CrmPrivileges.MetadataManage);
            var current = registry.Get(entity);
            var existing = ChangeableField(current, field);
            if (!EntityNames.IsValid(newName))
            {
                throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, "metadata.invalid_name", "/name", newName);
            }

            if (current.Definition.FindField(newName) is not null)
            {
                throw CoreMessages.ExceptionAt(CrmErrorKind.Conflict, "metadata.field_exists", "/name", newName);
            }

            // The field keeps its place in the document, its definition and its required flag; only the key changes.
            var document = current.Definition.GetSchema();
            var properties = new JsonObject();
            foreach (var (name, property) in (JsonObject)document["properties"]!)
            {
                properties[name == field ? newName : name] = property?.DeepClone();
            }

            document["properties"] = properties;
            if (existing.Required)
            {
                RemoveRequired(document, field);
                ((JsonArray)document["required"]!).Add(newName);
            }

            var next = compiler.Compile(document, current.Version + 1, stored: true);
            await using var session = await store.BeginAsync(write: true, cancellationToken);
            var now = clock.GetUtcNow();
            var moved = 0;
            var rows = new List<Storage.StoredRecord>();
            await foreach (var row in session.ScanAsync(current.Storage, cancellationToken))
            {
                rows.Add(row);
            }

            foreach (var row in rows)
            {
                var data = RecordJson.Parse(row.Data);
                if (!data.ContainsKey(field))
                {
                    continue;
                }

                var value = data[field];
                data.Remove(field);
                data[newName] = value?.DeepClone();
                if (!await session.UpdateAsync(current.Storage, row.Next(principal.UserId, now, RecordJson.Serialize(data)), row.Version, cancellationToken))
                {
                    throw new InvalidOperationException($"Record {row.Id} changed during a metadata change.");
                }

                moved++;
            }

            var diff = new JsonObject { ["op"] = "rename", ["field"] = field, ["to"] = newName, ["movedValues"] = moved };
            await SaveVersionAsync(session, principal, next, [diff], cancellationToken);
            await session.CommitAsync(cancellationToken);
            registry.Set(next);
            return next.Definition;
        }, cancellationToken);
}
