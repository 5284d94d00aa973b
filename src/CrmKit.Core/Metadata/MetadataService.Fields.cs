using System.Text.Json.Nodes;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Metadata;

internal sealed partial class MetadataService
{
    public Task<EntityDefinition> AddFieldAsync(
        CrmPrincipal principal, string entity, string field, FieldChangeRequest request, CancellationToken cancellationToken = default) =>
        GatedAsync(async () =>
        {
            access.DemandPrivilege(principal, CrmPrivileges.MetadataManage);
            var current = registry.Get(entity);
            if (!EntityNames.IsValid(field))
            {
                throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, "metadata.invalid_name", "/name", field);
            }

            if (current.Definition.FindField(field) is not null)
            {
                throw CoreMessages.ExceptionAt(CrmErrorKind.Conflict, "metadata.field_exists", "/name", field);
            }

            var property = compiler.Normalizer.NormalizeField(field, request.Schema, owner: null);
            var next = Recompile(current, field, property, request.Required ?? false);
            var diff = new JsonObject { ["op"] = "add", ["field"] = field, ["after"] = property.DeepClone() };
            return await ApplyFieldChangeAsync(principal, current, next, field, request, diff, cancellationToken);
        }, cancellationToken);

    public Task<EntityDefinition> UpdateFieldAsync(
        CrmPrincipal principal, string entity, string field, FieldChangeRequest request, CancellationToken cancellationToken = default) =>
        GatedAsync(async () =>
        {
            access.DemandPrivilege(principal, CrmPrivileges.MetadataManage);
            var current = registry.Get(entity);
            var existing = ChangeableField(current, field);
            var property = compiler.Normalizer.NormalizeField(field, request.Schema, owner: null);
            var next = Recompile(current, field, property, request.Required ?? existing.Required);
            var diff = new JsonObject
            {
                ["op"] = "change",
                ["field"] = field,
                ["before"] = existing.GetSchema(),
                ["after"] = property.DeepClone(),
            };
            if (request.Required is { } required && required != existing.Required)
            {
                diff["required"] = required;
            }

            return await ApplyFieldChangeAsync(principal, current, next, field, request, diff, cancellationToken);
        }, cancellationToken);

    public Task<FieldArchiveInfo> RemoveFieldAsync(
        CrmPrincipal principal, string entity, string field, CancellationToken cancellationToken = default) =>
        GatedAsync(async () =>
        {
            access.DemandPrivilege(principal, CrmPrivileges.MetadataManage);
            var current = registry.Get(entity);
            var existing = ChangeableField(current, field);
            var document = current.Definition.GetSchema();
            ((JsonObject)document["properties"]!).Remove(field);
            RemoveRequired(document, field);
            var next = compiler.Compile(document, current.Version + 1, stored: true);

            await using var session = await store.BeginAsync(write: true, cancellationToken);
            var pass = await FieldDataPass.RunAsync(
                session, current, field, r => r.Value is null ? FieldDataPass.Verdict.Keep : FieldDataPass.Verdict.Archive, cancellationToken);
            var archive = await pass.ArchiveAsync(session, entity, existing, next.Version, "removed", principal, clock.GetUtcNow(), cancellationToken);
            await pass.WriteAsync(session, current.Storage, principal, clock.GetUtcNow(), cancellationToken);
            var diff = new JsonObject
            {
                ["op"] = "remove",
                ["field"] = field,
                ["before"] = existing.GetSchema(),
                ["archive"] = archive.Id.ToString("D"),
                ["archivedValues"] = archive.Count,
            };
            await SaveVersionAsync(session, principal, next, [diff], cancellationToken);
            await session.CommitAsync(cancellationToken);
            registry.Set(next);
            return ToInfo(archive);
        }, cancellationToken);

    private async Task<EntityDefinition> ApplyFieldChangeAsync(
        CrmPrincipal principal, CompiledEntity current, CompiledEntity next, string field, FieldChangeRequest request,
        JsonObject diff, CancellationToken cancellationToken)
    {
        CheckLookupTargets(next);
        var definition = next.Definition.FindField(field)!;
        var fieldType = next.FieldTypes[field];
        var validator = next.Validator.GetProperty(field)!;
        var fallback = definition.GetSchema()["default"];
        if (fallback is not null && !validator.IsValid(fallback))
        {
            throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, "metadata.invalid_document", "/schema/default",
                "the default value does not satisfy the field's schema");
        }

        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var checker = new FieldValueChecker(definition, fieldType, validator, request.Conversion, fallback);
        var pass = await FieldDataPass.RunAsync(session, current, field, checker.Check, cancellationToken);
        if (pass.Violations.Count > 0 && !request.Force)
        {
            var e = CoreMessages.ExceptionAt(CrmErrorKind.Conflict, "metadata.records_violate_change", "/schema", pass.Violations.Count);
            e.Extensions["violations"] = new
            {
                count = pass.Violations.Count,
                recordIds = pass.Violations.Take(_options.ViolationSampleSize).ToArray(),
            };
            throw e;
        }

        var now = clock.GetUtcNow();
        if (pass.Archived.Count > 0)
        {
            var archive = await pass.ArchiveAsync(session, current.Name, current.Definition.FindField(field)!, next.Version, "forced", principal, now, cancellationToken);
            diff["archive"] = archive.Id.ToString("D");
            diff["archivedValues"] = archive.Count;
        }

        if (pass.Rewritten > 0)
        {
            diff["convertedValues"] = pass.Rewritten;
        }

        await pass.WriteAsync(session, current.Storage, principal, now, cancellationToken);
        await SaveVersionAsync(session, principal, next, [diff], cancellationToken);
        await session.CommitAsync(cancellationToken);
        registry.Set(next);
        return next.Definition;
    }

    private static FieldDefinition ChangeableField(CompiledEntity entity, string field)
    {
        var existing = entity.Definition.FindField(field)
            ?? throw CoreMessages.ExceptionAt(CrmErrorKind.NotFound, "metadata.field_not_found", "", entity.Name, field);
        if (existing.IsSystem)
        {
            throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, "metadata.system_field", "", field);
        }

        if (existing.Owner is not null)
        {
            throw CoreMessages.ExceptionAt(CrmErrorKind.Conflict, "metadata.field_owned", "", field, existing.Owner);
        }

        return existing;
    }

    private CompiledEntity Recompile(CompiledEntity current, string field, JsonObject property, bool required)
    {
        var document = current.Definition.GetSchema();
        ((JsonObject)document["properties"]!)[field] = property;
        RemoveRequired(document, field);
        if (required)
        {
            ((JsonArray)document["required"]!).Add(field);
        }

        return compiler.Compile(document, current.Version + 1, stored: true);
    }

    private static void RemoveRequired(JsonObject document, string field)
    {
        var required = (JsonArray)document["required"]!;
        var index = required.Select(r => r!.GetValue<string>()).ToList().IndexOf(field);
        if (index >= 0)
        {
            required.RemoveAt(index);
        }
    }

    private static FieldArchiveInfo ToInfo(Storage.FieldArchive a) =>
        new(a.Id, a.Entity, a.Field, a.Reason, a.Count, a.SchemaVersion, a.ArchivedAt, a.ArchivedBy, a.RestoredAt);
}
